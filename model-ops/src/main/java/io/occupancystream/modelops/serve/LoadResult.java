package io.occupancystream.modelops.serve;

import java.util.Arrays;

/**
 * What one batch size measured against an endpoint: answered requests (200s) and their latency,
 * requests that failed, and throughput over the measured time. Latencies are of 200s only.
 * Immutable; its public fields are what the benchmark's JSON holds.
 */
final class LoadResult {
    public final int batchSize;
    public final long requests;
    public final long errors;
    public final double seconds;
    public final double requestsPerSecond;
    public final double rowsPerSecond;
    public final double p50Ms;
    public final double p99Ms;
    public final double maxMs;

    /** {@code latencyNanos} of the answered requests, in any order (sorted here, in place). */
    LoadResult(int batchSize, long[] latencyNanos, long errors, double seconds) {
        Arrays.sort(latencyNanos);
        this.batchSize = batchSize;
        this.requests = latencyNanos.length;
        this.errors = errors;
        this.seconds = seconds;
        this.requestsPerSecond = requests / seconds;
        this.rowsPerSecond = requests * batchSize / seconds;
        this.p50Ms = percentileMillis(latencyNanos, 0.50);
        this.p99Ms = percentileMillis(latencyNanos, 0.99);
        this.maxMs = latencyNanos.length == 0 ? 0 : latencyNanos[latencyNanos.length - 1] / 1e6;
    }

    /** Nearest rank: the smallest latency that at least {@code quantile} of requests had. */
    private static double percentileMillis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
