package io.occupancystream.devicesim.chaos;

import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.kinesis.KinesisReadingTarget;
import io.occupancystream.devicesim.kinesis.ShardThrottle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Puts records into the input stream from a thread of its own at a fixed rate (records per second;
 * 0 for as fast as the shards' limits allow) until {@link #finish} or a record count, and keeps
 * each record put, in order, for the checks. Sends at least every tenth of a second.
 */
final class InputFeeder implements AutoCloseable {
    private final KinesisReadingTarget target;
    private final Supplier<ChaosRecord> records;
    private final double rate;
    private final long limit;
    private final List<ChaosRecord> put = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    private final StringWriter report = new StringWriter();
    private volatile Exception failure;

    InputFeeder(
            KinesisClient kinesis,
            String stream,
            int shards,
            Supplier<ChaosRecord> records,
            double rate,
            long limit) {
        this.target =
                new KinesisReadingTarget(
                        kinesis,
                        stream,
                        new ShardThrottle(shards, System::nanoTime, Pacer.Sleeper.THREAD),
                        Pacer.Sleeper.THREAD,
                        System::nanoTime,
                        new PrintWriter(report));
        this.records = records;
        this.rate = rate;
        this.limit = limit;
        this.thread = new Thread(this::feed, "chaos-input");
    }

    InputFeeder start() {
        thread.start();
        return this;
    }

    private void feed() {
        Pacer pacer = new Pacer(rate, System::nanoTime, Pacer.Sleeper.THREAD);
        long flushEvery = rate > 0 ? Math.max(1, Math.round(rate / 10)) : 500;
        pacer.start();
        try {
            for (long i = 0; i < limit && !stop.get(); i++) {
                pacer.awaitSimulatedSecond(i);
                ChaosRecord record = records.get();
                target.sendBytes(record.partitionKey, record.data);
                synchronized (put) {
                    put.add(record);
                }
                if ((i + 1) % flushEvery == 0) {
                    target.flush();
                }
            }
            target.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    /** False once the limit is reached or feeding failed. */
    boolean running() {
        return thread.isAlive();
    }

    /** Stops feeding and gives every record put in order. */
    List<ChaosRecord> finish() throws Exception {
        stop.set(true);
        thread.join();
        if (failure != null) {
            throw failure;
        }
        synchronized (put) {
            return new ArrayList<>(put);
        }
    }

    @Override
    public void close() throws IOException {
        stop.set(true);
        target.close();
    }
}
