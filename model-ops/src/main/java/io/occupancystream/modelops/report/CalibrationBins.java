package io.occupancystream.modelops.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A reliability diagram's data: probabilities in equal-width bins over [0, 1], and in each the mean
 * predicted probability against the fraction actually occupied.
 */
final class CalibrationBins {
    static final int BIN_COUNT = 10;

    private CalibrationBins() {}

    static final class Bin {
        final double lower;

        /** Exclusive, except for the last bin, which holds probability 1. */
        final double upper;

        final long count;

        /** NaN when the bin is empty. */
        final double meanPredicted;

        /** NaN when the bin is empty. */
        final double observedFraction;

        Bin(double lower, double upper, long count, double meanPredicted, double observedFraction) {
            this.lower = lower;
            this.upper = upper;
            this.count = count;
            this.meanPredicted = meanPredicted;
            this.observedFraction = observedFraction;
        }
    }

    /** All {@link #BIN_COUNT} bins, lowest first, empty ones included. */
    static List<Bin> of(double[] probabilities, boolean[] actual) {
        if (probabilities.length != actual.length) {
            throw new IllegalArgumentException(
                    probabilities.length + " probabilities but " + actual.length + " labels");
        }
        long[] counts = new long[BIN_COUNT];
        long[] occupied = new long[BIN_COUNT];
        double[] sums = new double[BIN_COUNT];
        for (int i = 0; i < probabilities.length; i++) {
            int bin = Math.max(0, Math.min(BIN_COUNT - 1, (int) (probabilities[i] * BIN_COUNT)));
            counts[bin]++;
            sums[bin] += probabilities[i];
            if (actual[i]) {
                occupied[bin]++;
            }
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BIN_COUNT; b++) {
            bins.add(
                    new Bin(
                            b / (double) BIN_COUNT,
                            (b + 1) / (double) BIN_COUNT,
                            counts[b],
                            counts[b] == 0 ? Double.NaN : sums[b] / counts[b],
                            counts[b] == 0 ? Double.NaN : occupied[b] / (double) counts[b]));
        }
        return bins;
    }
}
