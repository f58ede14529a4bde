package io.occupancystream.job.scoring;

import java.io.Serializable;

/**
 * The time the model scoring function reads and the timer it delays work on (a batch's max wait, a
 * retry's backoff, the breaker's cool-down), so that tests can move time by hand. Implementations
 * are thread-safe: client callbacks, timer tasks and the task thread all use one.
 */
public interface Scheduler extends AutoCloseable {
    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /**
     * Runs {@code task} once, {@code delayMillis} from now, on a thread that is not the caller's.
     */
    void schedule(Runnable task, long delayMillis);

    /** Drops the tasks not run yet. */
    @Override
    void close();

    /** Opens one scheduler per parallel instance of the function; travels with the job graph. */
    @FunctionalInterface
    interface Factory extends Serializable {
        Scheduler open();
    }
}
