package io.occupancystream.modelops.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop load on an endpoint: {@code concurrency} clients, each sending its next request as
 * soon as the previous one is answered, for a fixed time after a warm-up whose results are dropped.
 * Bounded in time: a client stops at the deadline, after at most one more request (which times out
 * after 30 s). Not thread-safe; one run at a time.
 */
final class EndpointLoad {
    // Distinct bodies per batch size, so that the endpoint does not see one request repeated.
    private static final int BODIES = 16;

    private final InvokeEndpointClient client;
    private final FeatureRows rows;
    private final int concurrency;

    EndpointLoad(InvokeEndpointClient client, FeatureRows rows, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, not " + concurrency);
        }
        this.client = client;
        this.rows = rows;
        this.concurrency = concurrency;
    }

    LoadResult run(int batchSize, Duration warmUp, Duration measured) throws InterruptedException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, not " + batchSize);
        }
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            bodies.add(rows.body(i * batchSize, batchSize));
        }
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            runFor(clients, bodies, warmUp);
            long start = System.nanoTime();
            List<Tally> tallies = runFor(clients, bodies, measured);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] latencies =
                    tallies.stream()
                            .flatMapToLong(tally -> Arrays.stream(tally.latencies()))
                            .toArray();
            long errors = tallies.stream().mapToLong(tally -> tally.errors).sum();
            return new LoadResult(batchSize, latencies, errors, seconds);
        } finally {
            clients.shutdownNow();
        }
    }

    private List<Tally> runFor(ExecutorService clients, List<byte[]> bodies, Duration duration)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Tally>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            int firstBody = i;
            futures.add(clients.submit(() -> send(bodies, firstBody, deadline)));
        }
        List<Tally> tallies = new ArrayList<>();
        for (Future<Tally> future : futures) {
            try {
                tallies.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a load client failed", e.getCause());
            }
        }
        return tallies;
    }

    private Tally send(List<byte[]> bodies, int firstBody, long deadline)
            throws InterruptedException {
        Tally tally = new Tally();
        for (int i = firstBody; System.nanoTime() < deadline; i++) {
            long start = System.nanoTime();
            int status = client.invoke(bodies.get(i % bodies.size()));
            if (status == 200) {
                tally.answered(System.nanoTime() - start);
            } else {
                tally.errors++;
            }
        }
        return tally;
    }

    /** One client's latencies and errors; confined to that client's thread until returned. */
    private static final class Tally {
        private long[] latencies = new long[1024];
        private int answered;
        private long errors;

        void answered(long latencyNanos) {
            if (answered == latencies.length) {
                latencies = Arrays.copyOf(latencies, 2 * answered);
            }
            latencies[answered++] = latencyNanos;
        }

        long[] latencies() {
            return Arrays.copyOf(latencies, answered);
        }
    }
}
