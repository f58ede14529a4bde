package io.occupancystream.devicesim.bench;

import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.kinesis.KinesisReadingTarget;
import io.occupancystream.devicesim.kinesis.ShardThrottle;
import io.occupancystream.devicesim.simulate.SimulationSettings;
import io.occupancystream.devicesim.simulate.ThermostatSimulator;
import io.occupancystream.devicesim.tail.StreamTail;
import io.occupancystream.job.reading.Reading;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The fixed-rate mode of bench-kinesis: once the job has answered a first reading (a probe from a
 * thermostat of its own), simulated thermostats report once a second in real time (readings stamped
 * with the wall clock's second), each second's readings spread over {@link #SLICES} slices, each
 * sent with PutRecords when it is due (slices already due when a call returns share the next call),
 * while the results stream is read back. Reading→result latency is the harness's millisecond clock
 * from just before the PutRecords call that carries a reading to the GetRecords answer that brings
 * its first result; readings sent during the warm-up are not counted.
 *
 * <p>Waiting for the probe keeps the job's start-up out of the figures: readings sent while the job
 * was still deploying queued up in the input stream, and on two shared cores the job could take
 * longer than the warm-up to work off that queue at the full rate, so that the first counted
 * readings waited behind it, by seconds (docs/benchmarks.md).
 */
final class FixedRateLatency {
    /** PutRecords calls per second: one every 20 ms. */
    static final int SLICES = 50;

    private static final long TAIL_PAUSE_MILLIS = 10;

    /** How long the job may take to answer its first reading. */
    private static final long READY_TIMEOUT_MILLIS = 180_000;

    private final KinesisClient kinesis;
    private final String inputStream;
    private final String resultsStream;
    private final int shards;
    private final int devices;
    private final int seconds;
    private final int warmUpSeconds;

    private final Map<String, Long> sentMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> latencyMillis = new ConcurrentHashMap<>();
    private final AtomicLong failedPolls = new AtomicLong();
    private final CountDownLatch probeAnswered = new CountDownLatch(1);
    private volatile String probeId;

    FixedRateLatency(
            KinesisClient kinesis,
            String inputStream,
            String resultsStream,
            int shards,
            int devices,
            int seconds,
            int warmUpSeconds) {
        this.kinesis = kinesis;
        this.inputStream = inputStream;
        this.resultsStream = resultsStream;
        this.shards = shards;
        this.devices = devices;
        this.seconds = seconds;
        this.warmUpSeconds = warmUpSeconds;
    }

    /** Sends for the configured seconds, then waits up to {@code drainMillis} for the results. */
    String run(long drainMillis) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        StreamTail tail =
                new StreamTail(kinesis, resultsStream, System::nanoTime, Pacer.Sleeper.THREAD);
        tail.start(ShardIteratorType.TRIM_HORIZON);
        Thread reader = new Thread(() -> readResults(tail, stop), "bench-results");
        reader.start();
        long firstCounted;
        long sendStart;
        double readySeconds;
        double sendSeconds;
        try {
            readySeconds = awaitFirstResult();
            sendStart = System.currentTimeMillis();
            firstCounted = send();
            sendSeconds = (System.currentTimeMillis() - sendStart) / 1000.0;
        } finally {
            long drainUntil = System.currentTimeMillis() + drainMillis;
            while (latencyMillis.size() < sentMillis.size()
                    && System.currentTimeMillis() < drainUntil) {
                Thread.sleep(TAIL_PAUSE_MILLIS);
            }
            stop.set(true);
            reader.join();
        }
        return String.format(
                        Locale.ROOT, "first result %.1f s after the probe was sent; ", readySeconds)
                + report(firstCounted, sendSeconds);
    }

    /**
     * Sends one reading of a probe thermostat and waits for its result.
     *
     * @return seconds from sending the probe to its result
     */
    private double awaitFirstResult() throws InterruptedException, IOException {
        Instant now = Instant.ofEpochSecond(System.currentTimeMillis() / 1000);
        Reading probe =
                new ThermostatSimulator(
                                new SimulationSettings(1, 1, now, 1, ZoneOffset.UTC, "probe-"))
                        .nextTick()
                        .get(0);
        probeId = probe.id();
        long sent = System.nanoTime();
        try (KinesisReadingTarget target = target()) {
            target.send(probe);
        }
        if (!probeAnswered.await(READY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "no result for the probe reading "
                            + probeId
                            + " within "
                            + READY_TIMEOUT_MILLIS / 1000
                            + " s: is the job running?");
        }
        return (System.nanoTime() - sent) / 1e9;
    }

    private KinesisReadingTarget target() {
        return new KinesisReadingTarget(
                kinesis,
                inputStream,
                new ShardThrottle(shards, System::nanoTime, Pacer.Sleeper.THREAD),
                Pacer.Sleeper.THREAD,
                System::nanoTime,
                new PrintWriter(new StringWriter()));
    }

    /**
     * @return the epoch second from which readings are counted
     */
    private long send() throws InterruptedException, IOException {
        long startSecond = System.currentTimeMillis() / 1000 + 1;
        SimulationSettings settings =
                new SimulationSettings(
                        devices, 1, Instant.ofEpochSecond(startSecond), 1, ZoneOffset.UTC, "live-");
        ThermostatSimulator simulator = new ThermostatSimulator(settings);
        try (KinesisReadingTarget target = target()) {
            for (int second = 0; second < seconds; second++) {
                List<Reading> tick = simulator.nextTick();
                for (int slice = 0; slice < SLICES; slice++) {
                    long due = (startSecond + second) * 1000 + slice * 1000L / SLICES;
                    long wait = due - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    int from = tick.size() * slice / SLICES;
                    int to = tick.size() * (slice + 1) / SLICES;
                    long now = System.currentTimeMillis();
                    for (Reading reading : tick.subList(from, to)) {
                        sentMillis.put(reading.id(), now);
                        target.send(reading);
                    }
                    // Behind schedule (PutRecords slower than a slice), the slices already due
                    // share one call, so the rate holds as long as the stream takes it.
                    if (System.currentTimeMillis() < due + 1000L / SLICES) {
                        target.flush();
                    }
                }
            }
        }
        return startSecond + warmUpSeconds;
    }

    private void readResults(StreamTail tail, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                List<String> records;
                try {
                    records = tail.poll(Long.MAX_VALUE);
                } catch (SdkException e) {
                    // An overloaded local stand-in times out now and then; the next turn retries.
                    failedPolls.incrementAndGet();
                    continue;
                }
                long now = System.currentTimeMillis();
                for (String record : records) {
                    String id = resultId(record);
                    if (id.equals(probeId)) {
                        probeAnswered.countDown();
                    }
                    Long sent = sentMillis.get(id);
                    if (sent != null) {
                        latencyMillis.putIfAbsent(id, now - sent);
                    }
                }
                if (records.isEmpty()) {
                    Thread.sleep(TAIL_PAUSE_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String report(long firstCountedSecond, double sendSeconds) {
        long[] counted =
                latencyMillis.entrySet().stream()
                        .filter(e -> timestampOf(e.getKey()) >= firstCountedSecond)
                        .mapToLong(Map.Entry::getValue)
                        .sorted()
                        .toArray();
        long countedSent =
                sentMillis.keySet().stream()
                        .filter(id -> timestampOf(id) >= firstCountedSecond)
                        .count();
        if (counted.length == 0) {
            return String.format(
                    Locale.ROOT,
                    "fixed rate: %d readings/s for %d s; sent %d in %.1f s, results for %d; none"
                            + " for a reading sent after the %d s warm-up",
                    devices,
                    seconds,
                    sentMillis.size(),
                    sendSeconds,
                    latencyMillis.size(),
                    warmUpSeconds);
        }
        return String.format(
                Locale.ROOT,
                "fixed rate: %d readings/s (%d thermostats, one reading a second each) for %d s;"
                        + " sent %d, results for %d; counted after a %d s warm-up: %d of %d"
                        + " with results; reading->result latency (send to arrival on the results"
                        + " stream, ms): p50 %d, p99 %d, max %d; sending took %.1f s (%.0f"
                        + " readings/s held); %d"
                        + " GetRecords turns of the results failed and were retried",
                devices,
                devices,
                seconds,
                sentMillis.size(),
                latencyMillis.size(),
                warmUpSeconds,
                counted.length,
                countedSent,
                percentile(counted, 0.50),
                percentile(counted, 0.99),
                counted[counted.length - 1],
                sendSeconds,
                sentMillis.size() / sendSeconds,
                failedPolls.get());
    }

    /** Nearest rank. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static long timestampOf(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf(':') + 1));
    }

    static String resultId(String json) {
        int start = json.indexOf("\"id\":\"") + 6;
        return json.substring(start, json.indexOf('"', start));
    }
}
