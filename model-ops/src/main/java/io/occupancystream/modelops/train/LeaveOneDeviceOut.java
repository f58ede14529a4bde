package io.occupancystream.modelops.train;

import io.occupancystream.modelops.data.TrainingSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Leave-one-device-out validation, blocked in time, on the training rows of the time split: the
 * rows are cut into {@link #BLOCKS} contiguous stretches of windows, and for each stretch and each
 * device in turn a model is trained on the other devices' rows outside the stretch (early stopping
 * on the other devices' rows inside it) and scores the device's rows inside it. Every row thus gets
 * a probability from a model that never heard its microphone nor saw its stretch of time, and the
 * rules chosen on these probabilities see every kind of moment the rows hold (arrivals, departures,
 * quiet hours), not only the last ones. With a single device it is time blocks alone, each scored
 * by a model trained on the others and stopped on the block itself.
 */
final class LeaveOneDeviceOut {
    static final int BLOCKS = 4;

    private final XgboostTrainer trainer;

    LeaveOneDeviceOut(XgboostTrainer trainer) {
        this.trainer = trainer;
    }

    /** Whether the rows have at least two devices to take turns. */
    static boolean applies(TrainingSet rows) {
        return rows.things().size() >= 2;
    }

    /**
     * The out-of-sample probability of each row, in row order, and the median of the fits' best
     * round counts (the rounds the deployed model gets).
     */
    XgboostTrainer.Fit fit(TrainingSet all, Map<String, Object> hp, long seed) throws XGBoostError {
        int[] block = blocks(all);
        boolean byDevice = applies(all);
        List<String> withheldThings = byDevice ? all.things() : List.of();
        double[] p = new double[all.rows()];
        List<Integer> rounds = new ArrayList<>();
        for (int b = 0; b < BLOCKS; b++) {
            int inside = b;
            for (String thing : byDevice ? withheldThings : List.of("")) {
                IntPredicate withheld =
                        r -> block[r] == inside && (!byDevice || thing.equals(all.thing(r)));
                IntPredicate other = r -> !byDevice || !thing.equals(all.thing(r));
                TrainingSet scored = all.where(withheld);
                if (scored.rows() == 0) {
                    continue;
                }
                TrainingSet train = all.where(r -> block[r] != inside && other.test(r));
                TrainingSet stop =
                        byDevice ? all.where(r -> block[r] == inside && other.test(r)) : scored;
                XgboostTrainer.Fit fit = trainer.fit(train, stop, scored, hp, seed);
                rounds.add(fit.rounds);
                int i = 0;
                for (int r = 0; r < all.rows(); r++) {
                    if (withheld.test(r)) {
                        p[r] = fit.validationProbabilities[i++];
                    }
                }
            }
        }
        Collections.sort(rounds);
        return new XgboostTrainer.Fit(rounds.get(rounds.size() / 2), p);
    }

    /**
     * Each row's stretch: rows in time order (as {@link TrainingSet} keeps them: by window, then by
     * row text, which begins with the timestamp) cut into {@link #BLOCKS} parts of equal size.
     */
    static int[] blocks(TrainingSet all) {
        int[] block = new int[all.rows()];
        for (int r = 0; r < all.rows(); r++) {
            block[r] = (int) ((long) r * BLOCKS / all.rows());
        }
        return block;
    }
}
