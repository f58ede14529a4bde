package io.occupancystream.modelops.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The XGBoost search space, sampled like a random search: tree depth, learning rate, minimum child
 * weight, row and column subsampling, L2 regularisation and the weight of the occupied class (for
 * imbalance). The first candidate is XGBoost's defaults, as an anchor.
 */
public final class Hyperparameters {
    private static final int[] DEPTHS = {2, 3, 4, 5, 6, 8};
    private static final int[] MIN_CHILD_WEIGHTS = {1, 2, 5, 10};

    private Hyperparameters() {}

    /**
     * @param negativesPerPositive class ratio in the training rows, for scale_pos_weight
     */
    public static Map<String, Object> sample(
            int index, Random random, double negativesPerPositive) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (index == 0) {
            p.put("max_depth", 6);
            p.put("eta", 0.3);
            p.put("min_child_weight", 1);
            p.put("subsample", 1.0);
            p.put("colsample_bytree", 1.0);
            p.put("lambda", 1.0);
            p.put("scale_pos_weight", 1.0);
            return p;
        }
        p.put("max_depth", DEPTHS[random.nextInt(DEPTHS.length)]);
        p.put("eta", round(Math.exp(uniform(random, Math.log(0.05), Math.log(0.3)))));
        p.put("min_child_weight", MIN_CHILD_WEIGHTS[random.nextInt(MIN_CHILD_WEIGHTS.length)]);
        p.put("subsample", round(uniform(random, 0.6, 1.0)));
        p.put("colsample_bytree", round(uniform(random, 0.5, 1.0)));
        p.put("lambda", round(Math.exp(uniform(random, Math.log(0.5), Math.log(10)))));
        double[] weights = {1.0, Math.sqrt(negativesPerPositive), negativesPerPositive};
        p.put("scale_pos_weight", round(weights[random.nextInt(weights.length)]));
        return p;
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
