package io.occupancystream.modelops.report;

import java.util.Arrays;

/**
 * Thins a time series for drawing: the span is cut into {@code maxPoints / 2} equal stretches of
 * time, and each keeps its lowest and its highest sample, in time order. Every peak and every
 * change of a 0/1 series stays visible however many samples a stretch holds; a series of at most
 * {@code maxPoints} samples is kept whole.
 */
final class Downsample {
    /** Points per series at most; about one per pixel column, twice over. */
    static final int MAX_POINTS = 2000;

    private Downsample() {}

    /** The indexes to keep, ascending, at most {@code maxPoints} of them. */
    static int[] indexes(long[] times, double[] values, int maxPoints) {
        int n = times.length;
        if (n <= maxPoints) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int buckets = maxPoints / 2;
        long from = times[0];
        double span = times[n - 1] - from + 1.0;
        int[] kept = new int[2 * buckets];
        int count = 0;
        int i = 0;
        while (i < n) {
            int bucket = (int) ((times[i] - from) * buckets / span);
            int low = i;
            int high = i;
            int j = i + 1;
            while (j < n && (int) ((times[j] - from) * buckets / span) == bucket) {
                if (values[j] < values[low]) {
                    low = j;
                }
                if (values[j] > values[high]) {
                    high = j;
                }
                j++;
            }
            kept[count++] = Math.min(low, high);
            if (low != high) {
                kept[count++] = Math.max(low, high);
            }
            i = j;
        }
        return Arrays.copyOf(kept, count);
    }
}
