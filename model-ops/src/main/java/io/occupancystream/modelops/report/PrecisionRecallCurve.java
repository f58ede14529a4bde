package io.occupancystream.modelops.report;

import java.util.ArrayList;
import java.util.List;

/** Precision against recall as the threshold falls. */
final class PrecisionRecallCurve {
    private PrecisionRecallCurve() {}

    static final class Point {
        /** Occupied when {@code score >= threshold}. */
        final double threshold;

        final double recall;
        final double precision;

        Point(double threshold, double recall, double precision) {
            this.threshold = threshold;
            this.recall = recall;
            this.precision = precision;
        }
    }

    /**
     * One point per distinct score, highest first, ending at recall 1. Empty when no row is
     * occupied (recall is undefined).
     */
    static List<Point> of(double[] scores, boolean[] actual) {
        List<OperatingPoint> sweep = ThresholdSweep.descending(scores, actual);
        if (sweep.isEmpty() || sweep.get(sweep.size() - 1).confusion.tp == 0) {
            return List.of();
        }
        List<Point> points = new ArrayList<>();
        for (OperatingPoint p : sweep) {
            points.add(new Point(p.threshold, p.confusion.recall(), p.confusion.precision()));
        }
        return points;
    }
}
