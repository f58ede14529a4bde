package io.occupancystream.modelops.report;

import io.occupancystream.model.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;

/** The ROC curve: true-positive rate against false-positive rate as the threshold falls. */
final class RocCurve {
    private RocCurve() {}

    static final class Point {
        /** Occupied when {@code score >= threshold}. */
        final double threshold;

        final double falsePositiveRate;
        final double truePositiveRate;

        Point(double threshold, double falsePositiveRate, double truePositiveRate) {
            this.threshold = threshold;
            this.falsePositiveRate = falsePositiveRate;
            this.truePositiveRate = truePositiveRate;
        }
    }

    /**
     * From (0, 0) at an infinite threshold to (1, 1), one point per distinct score; tied scores
     * make one diagonal step. Empty unless both classes are present.
     */
    static List<Point> of(double[] scores, boolean[] actual) {
        List<OperatingPoint> sweep = ThresholdSweep.descending(scores, actual);
        if (sweep.isEmpty()) {
            return List.of();
        }
        ConfusionMatrix allOccupied = sweep.get(sweep.size() - 1).confusion;
        if (allOccupied.tp == 0 || allOccupied.fp == 0) {
            return List.of();
        }
        List<Point> points = new ArrayList<>();
        points.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
        for (OperatingPoint p : sweep) {
            points.add(
                    new Point(p.threshold, p.confusion.falsePositiveRate(), p.confusion.recall()));
        }
        return points;
    }
}
