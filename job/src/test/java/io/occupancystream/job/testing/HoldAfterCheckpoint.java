package io.occupancystream.job.testing;

import java.util.concurrent.CountDownLatch;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * The point where a test crashes, cancels or stops a run: after {@value #RECORDS_BEFORE} records a
 * task slows down until a checkpoint completes (pausing between records, so that barriers and
 * notifications pass), lets {@value #RECORDS_AFTER} more through, then holds the stream until the
 * test {@link #release()}s it or cancels the job. So there is always a completed checkpoint behind
 * the hold and records after it, however slow the machine. A run built with {@link #passing()}
 * never holds (the MiniCluster runs in the test's JVM, so the latches are shared).
 */
public final class HoldAfterCheckpoint<T> implements MapFunction<T, T>, CheckpointListener {
    private static final int RECORDS_BEFORE = 300;
    private static final int RECORDS_AFTER = 50;
    private static final long PAUSE_MILLIS = 2;
    private static volatile CountDownLatch held = new CountDownLatch(1);
    private static volatile CountDownLatch released = new CountDownLatch(1);

    private final boolean holds;
    private int records;
    private volatile int sinceCheckpoint = -1;

    private HoldAfterCheckpoint(boolean holds) {
        this.holds = holds;
    }

    /** Holds as described; resets the latches. */
    public static <T> HoldAfterCheckpoint<T> holding() {
        held = new CountDownLatch(1);
        released = new CountDownLatch(1);
        return new HoldAfterCheckpoint<>(true);
    }

    /** The same operator that never holds, for the run that resumes. */
    public static <T> HoldAfterCheckpoint<T> passing() {
        return new HoldAfterCheckpoint<>(false);
    }

    /** Waits until a task holds its records. */
    public static void awaitHeld() throws InterruptedException {
        held.await();
    }

    /** Lets held records go on. */
    public static void release() {
        released.countDown();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (records >= RECORDS_BEFORE && sinceCheckpoint < 0) {
            sinceCheckpoint = 0;
        }
    }

    @Override
    public T map(T record) throws Exception {
        if (!holds || ++records < RECORDS_BEFORE || released.getCount() == 0) {
            return record;
        }
        if (sinceCheckpoint < 0) {
            Thread.sleep(PAUSE_MILLIS);
        } else if (++sinceCheckpoint > RECORDS_AFTER) {
            held.countDown();
            released.await();
        }
        return record;
    }
}
