package io.occupancystream.modelops.report;

import io.occupancystream.model.ConfusionMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every distinct score as a decision threshold, from the highest down. */
final class ThresholdSweep {
    private ThresholdSweep() {}

    /**
     * One operating point per distinct score, highest first; tied scores are decided together, so
     * they share one point.
     */
    static List<OperatingPoint> descending(double[] scores, boolean[] actual) {
        if (scores.length != actual.length) {
            throw new IllegalArgumentException(
                    scores.length + " scores but " + actual.length + " labels");
        }
        long positives = 0;
        for (boolean occupied : actual) {
            if (occupied) {
                positives++;
            }
        }
        long negatives = actual.length - positives;
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));

        List<OperatingPoint> points = new ArrayList<>();
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < order.length; i++) {
            if (actual[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            double score = scores[order[i]];
            boolean lastOfItsScore =
                    i + 1 == order.length || Double.compare(scores[order[i + 1]], score) != 0;
            if (lastOfItsScore) {
                points.add(
                        new OperatingPoint(
                                score,
                                new ConfusionMatrix(tp, fp, negatives - fp, positives - tp)));
            }
        }
        return points;
    }
}
