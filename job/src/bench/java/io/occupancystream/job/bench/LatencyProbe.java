package io.occupancystream.job.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput and reading→result wall-clock latency of one pipeline run, shared by the operators of
 * a MiniCluster in this JVM: {@link ArrivalTaggingSource} notes when the first reading and each
 * sampled one ({@link ReadingIds}) left the source, {@link LatencyRecordingSink} hands in each
 * task's result count and latencies when it closes. One run at a time.
 */
final class LatencyProbe {
    /** No time noted yet. */
    static final long UNSET = Long.MIN_VALUE;

    private static final Map<String, Long> ARRIVALS = new ConcurrentHashMap<>();
    private static final AtomicLong FIRST_ARRIVAL = new AtomicLong(UNSET);
    private static final AtomicLong LAST_RESULT = new AtomicLong(UNSET);
    private static final List<long[]> LATENCIES = new ArrayList<>();
    private static final AtomicLong RESULTS = new AtomicLong();

    private LatencyProbe() {}

    static void reset() {
        ARRIVALS.clear();
        FIRST_ARRIVAL.set(UNSET);
        LAST_RESULT.set(UNSET);
        synchronized (LATENCIES) {
            LATENCIES.clear();
        }
        RESULTS.set(0);
    }

    /** A reading left the source; the run's clock starts with the first. */
    static void started(long nanos) {
        if (FIRST_ARRIVAL.get() == UNSET) {
            FIRST_ARRIVAL.compareAndSet(UNSET, nanos);
        }
    }

    /** A reading sampled for latency left the source. */
    static void arrived(String readingId, long nanos) {
        ARRIVALS.put(readingId, nanos);
    }

    /** When the reading left the source; each reading's arrival can be taken once. */
    static long takeArrival(String readingId) {
        Long arrival = ARRIVALS.remove(readingId);
        if (arrival == null) {
            throw new IllegalStateException("a result for a reading never seen: " + readingId);
        }
        return arrival;
    }

    static void taskFinished(long results, long[] latencyNanos, long lastResultNanos) {
        RESULTS.addAndGet(results);
        synchronized (LATENCIES) {
            LATENCIES.add(latencyNanos);
        }
        LAST_RESULT.accumulateAndGet(
                lastResultNanos, (a, b) -> a == UNSET ? b : b == UNSET ? a : Math.max(a, b));
    }

    /**
     * The run's figures: results per second from the first reading out to the last result in.
     *
     * @param fallbacks results the rule decided for the model, by {@code FallbackReason}
     */
    static ModeResult result(String mode, String note, Map<String, Long> fallbacks) {
        long[] all;
        synchronized (LATENCIES) {
            all = LATENCIES.stream().flatMapToLong(Arrays::stream).toArray();
        }
        if (all.length == 0) {
            throw new IllegalStateException(mode + " produced no sampled results");
        }
        double seconds = (LAST_RESULT.get() - FIRST_ARRIVAL.get()) / 1e9;
        return ModeResult.of(mode, note, RESULTS.get(), all, seconds, fallbacks);
    }
}
