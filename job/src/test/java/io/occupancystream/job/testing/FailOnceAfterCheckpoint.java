package io.occupancystream.job.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records on, slowly enough that checkpoints complete meanwhile, and throws once, some
 * records after the first completed checkpoint, so that the job restarts from it. {@link #FAILED}
 * tells a test that the failure happened (the MiniCluster runs in the test's JVM).
 */
public final class FailOnceAfterCheckpoint
        implements MapFunction<String, String>, CheckpointListener {
    public static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final int RECORDS_AFTER_CHECKPOINT = 50;

    private final long pauseMillis;
    private final boolean fail;
    private final AtomicInteger sinceCheckpoint = new AtomicInteger(-1);

    private FailOnceAfterCheckpoint(long pauseMillis, boolean fail) {
        this.pauseMillis = pauseMillis;
        this.fail = fail;
    }

    /** Fails once, pausing {@code pauseMillis} per record. */
    public static FailOnceAfterCheckpoint failing(long pauseMillis) {
        return new FailOnceAfterCheckpoint(pauseMillis, true);
    }

    /** Only the pauses: a reference run at the same pace that never fails. */
    public static FailOnceAfterCheckpoint neverFailing(long pauseMillis) {
        return new FailOnceAfterCheckpoint(pauseMillis, false);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        sinceCheckpoint.compareAndSet(-1, 0);
    }

    @Override
    public String map(String record) throws Exception {
        if (fail
                && sinceCheckpoint.get() >= 0
                && sinceCheckpoint.incrementAndGet() > RECORDS_AFTER_CHECKPOINT
                && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure after a checkpoint");
        }
        Thread.sleep(pauseMillis);
        return record;
    }
}
