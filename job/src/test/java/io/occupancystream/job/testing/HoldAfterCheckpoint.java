package io.occupancystream.job.testing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * The point where a test crashes, cancels or stops a run: after {@value #RECORDS_BEFORE} records a
 * task slows down until a checkpoint completes (pausing between records, so that barriers and
 * notifications pass), lets {@value #RECORDS_AFTER} more through, then holds the stream until the
 * test {@link #release()}s it or cancels the job. So there is always a completed checkpoint behind
 * the hold and records after it, however slow the machine. A run built with {@link #passing()}
 * never holds.
 *
 * <p>Each {@link #holding()} hold has its own latches: the copies Flink deserializes in its tasks
 * (the MiniCluster runs in the test's JVM) find them by the hold's id, so tests do not share them.
 */
public final class HoldAfterCheckpoint<T> implements MapFunction<T, T>, CheckpointListener {
    private static final int RECORDS_BEFORE = 300;
    private static final int RECORDS_AFTER = 50;
    private static final long PAUSE_MILLIS = 2;
    private static final Map<String, Latches> LATCHES = new ConcurrentHashMap<>();

    /** Null for a hold that passes everything. */
    private final String id;

    private int records;
    private volatile int sinceCheckpoint = -1;

    private HoldAfterCheckpoint(String id) {
        this.id = id;
    }

    /** Holds as described, with latches of its own. */
    public static <T> HoldAfterCheckpoint<T> holding() {
        String id = UUID.randomUUID().toString();
        LATCHES.put(id, new Latches());
        return new HoldAfterCheckpoint<>(id);
    }

    /** The same operator that never holds, for the run that resumes. */
    public static <T> HoldAfterCheckpoint<T> passing() {
        return new HoldAfterCheckpoint<>(null);
    }

    /** Waits until a task holds its records. */
    public void awaitHeld() throws InterruptedException {
        LATCHES.get(id).held.await();
    }

    /** Lets held records go on. */
    public void release() {
        LATCHES.get(id).released.countDown();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (records >= RECORDS_BEFORE && sinceCheckpoint < 0) {
            sinceCheckpoint = 0;
        }
    }

    @Override
    public T map(T record) throws Exception {
        if (id == null || ++records < RECORDS_BEFORE) {
            return record;
        }
        Latches latches = LATCHES.get(id);
        if (latches.released.getCount() == 0) {
            return record;
        }
        if (sinceCheckpoint < 0) {
            Thread.sleep(PAUSE_MILLIS);
        } else if (++sinceCheckpoint > RECORDS_AFTER) {
            latches.held.countDown();
            latches.released.await();
        }
        return record;
    }

    private static final class Latches {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
    }
}
