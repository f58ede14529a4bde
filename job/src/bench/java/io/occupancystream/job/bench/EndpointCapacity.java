package io.occupancystream.job.bench;

import io.occupancystream.job.features.Feature;
import io.occupancystream.job.scoring.ModelClient;
import io.occupancystream.job.scoring.ModelClientFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What the endpoint scores with nothing else running, through the job's own model client: {@code
 * inFlight} requests of {@code batchRows} rows kept outstanding, each answer followed at once by
 * the next request, for a fixed time after an unmeasured warm-up. Rows are deterministic made-up
 * feature values (XGBoost's speed hardly depends on them). Reports rows per second and request
 * latency.
 */
final class EndpointCapacity {
    /** The name of its line in the table and the JSON. */
    static final String MODE = "endpoint-capacity";

    private static final int BATCHES = 16;
    private static final long SEED = 42;

    private final ModelClientFactory clients;
    private final int inFlight;

    EndpointCapacity(ModelClientFactory clients, int inFlight) {
        this.clients = clients;
        this.inFlight = inFlight;
    }

    ModeResult measure(int batchRows, Duration warmUp, Duration measured) throws Exception {
        List<List<String>> batches = batches(batchRows);
        try (ModelClient client = clients.open()) {
            runFor(client, batches, warmUp);
            long start = System.nanoTime();
            long[] latencies = runFor(client, batches, measured);
            double seconds = (System.nanoTime() - start) / 1e9;
            return ModeResult.of(
                    MODE,
                    String.format(
                            "endpoint alone: %d x %d-row requests in flight; p50/p99 per request",
                            inFlight, batchRows),
                    (long) latencies.length * batchRows,
                    latencies,
                    seconds,
                    Collections.emptyMap());
        }
    }

    private long[] runFor(ModelClient client, List<List<String>> batches, Duration duration)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            Lane lane = new Lane(client, batches, i, deadline);
            lanes.add(lane);
            lane.sendNext();
        }
        List<long[]> all = new ArrayList<>();
        for (Lane lane : lanes) {
            try {
                all.add(lane.done.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("an endpoint request failed", e.getCause());
            }
        }
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static List<List<String>> batches(int batchRows) {
        Random random = new Random(SEED);
        int columns = Feature.values().length;
        List<List<String>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<String> rows = new ArrayList<>();
            for (int r = 0; r < batchRows; r++) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    row.append(c == 0 ? "" : ",").append(random.nextInt(100_000) / 1000.0);
                }
                rows.add(row.toString());
            }
            batches.add(rows);
        }
        return batches;
    }

    /**
     * One outstanding request at a time, the next sent from the previous one's completion until the
     * deadline; then {@link #done} holds its latencies. Its state passes between the client's
     * threads through the futures, one request at a time.
     */
    private static final class Lane {
        final CompletableFuture<long[]> done = new CompletableFuture<>();
        private final ModelClient client;
        private final List<List<String>> batches;
        private final long deadline;
        private int next;
        private long[] latencies = new long[1024];
        private int count;

        Lane(ModelClient client, List<List<String>> batches, int first, long deadline) {
            this.client = client;
            this.batches = batches;
            this.next = first;
            this.deadline = deadline;
        }

        void sendNext() {
            if (System.nanoTime() >= deadline) {
                done.complete(Arrays.copyOf(latencies, count));
                return;
            }
            long start = System.nanoTime();
            client.score(batches.get(next++ % batches.size()))
                    .whenComplete(
                            (answer, error) -> {
                                if (error != null) {
                                    done.completeExceptionally(error);
                                    return;
                                }
                                if (count == latencies.length) {
                                    latencies = Arrays.copyOf(latencies, 2 * count);
                                }
                                latencies[count++] = System.nanoTime() - start;
                                sendNext();
                            });
        }
    }
}
