package io.occupancystream.job.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of the benchmark's table: how many readings (or, for the endpoint alone, rows) a mode
 * got through in how long, the latency percentiles (nearest rank), and how many results the rule
 * decided because the model did not answer, by reason. Immutable.
 */
final class ModeResult {
    final String mode;
    final String note;
    final long readings;
    final double seconds;
    final double readingsPerSecond;
    final double p50Ms;
    final double p99Ms;
    final Map<String, Long> fallbacks;

    private ModeResult(
            String mode,
            String note,
            long readings,
            double seconds,
            double p50Ms,
            double p99Ms,
            Map<String, Long> fallbacks) {
        this.mode = mode;
        this.note = note;
        this.readings = readings;
        this.seconds = seconds;
        this.readingsPerSecond = readings / seconds;
        this.p50Ms = p50Ms;
        this.p99Ms = p99Ms;
        this.fallbacks = Collections.unmodifiableMap(new TreeMap<>(fallbacks));
    }

    /**
     * @param latencyNanos latencies of a sample of the readings, or of every request
     */
    static ModeResult of(
            String mode,
            String note,
            long readings,
            long[] latencyNanos,
            double seconds,
            Map<String, Long> fallbacks) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new ModeResult(
                mode,
                note,
                readings,
                seconds,
                percentileMs(sorted, 0.50),
                percentileMs(sorted, 0.99),
                fallbacks);
    }

    long fallbackTotal() {
        return fallbacks.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double percentileMs(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
