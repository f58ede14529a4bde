package io.occupancystream.devicesim.kinesis;

import io.occupancystream.devicesim.delivery.Pacer;
import java.util.function.LongSupplier;

/**
 * Holds PutRecords calls back to a stream's write limits, {@value #RECORDS_PER_SHARD_SECOND}
 * records and {@value #BYTES_PER_SHARD_SECOND} bytes a second per open shard, summed over the
 * shards. The sum is the most the stream takes when the partition keys spread evenly; a shard that
 * gets more answers with ProvisionedThroughputExceeded, which the target retries.
 *
 * <p>Each call may go once the calls before it are paid for, so the rate holds without saving up
 * idle time for a burst.
 */
public final class ShardThrottle {
    static final int RECORDS_PER_SHARD_SECOND = 1000;
    static final int BYTES_PER_SHARD_SECOND = 1024 * 1024;

    private static final double NANOS_PER_SECOND = 1e9;

    private final int shards;
    private final LongSupplier nanoClock;
    private final Pacer.Sleeper sleeper;
    private long paidUntilNanos = Long.MIN_VALUE;

    public ShardThrottle(int shards, LongSupplier nanoClock, Pacer.Sleeper sleeper) {
        if (shards < 1) {
            throw new IllegalArgumentException(
                    "a stream has at least one open shard, got " + shards);
        }
        this.shards = shards;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** Waits until a call of {@code records} records and {@code bytes} bytes may go. */
    public void acquire(int records, long bytes) throws InterruptedException {
        long now = nanoClock.getAsLong();
        if (paidUntilNanos != Long.MIN_VALUE && paidUntilNanos > now) {
            sleeper.sleepNanos(paidUntilNanos - now);
            now = paidUntilNanos;
        }
        double seconds =
                Math.max(
                        (double) records / (RECORDS_PER_SHARD_SECOND * shards),
                        (double) bytes / ((double) BYTES_PER_SHARD_SECOND * shards));
        paidUntilNanos = now + Math.round(seconds * NANOS_PER_SECOND);
    }
}
