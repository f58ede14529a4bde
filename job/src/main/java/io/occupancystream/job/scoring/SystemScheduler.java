package io.occupancystream.job.scoring;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Real time: {@link System#nanoTime()} and one daemon timer thread per function instance. */
public final class SystemScheduler implements Scheduler {
    public static final Scheduler.Factory FACTORY = SystemScheduler::new;

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "model-scoring-timer");
                        t.setDaemon(true);
                        return t;
                    });

    private SystemScheduler() {}

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
