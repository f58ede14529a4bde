package io.occupancystream.job.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Scheduler} whose time moves only when the test calls {@link #advance}: due tasks then
 * run on the test's thread, in time order (tasks they schedule included, if due by then). Opened
 * through {@link #factory()}, which finds it again by key, as the function's factory is
 * serializable.
 */
final class ManualScheduler implements Scheduler {
    private static final Map<String, ManualScheduler> BY_KEY = new ConcurrentHashMap<>();

    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>(
                    Comparator.comparingLong((Task t) -> t.dueNanos)
                            .thenComparingLong(t -> t.sequence));
    private long nanos;
    private long scheduled;
    private boolean closed;

    /** A factory that opens this scheduler. */
    Scheduler.Factory factory() {
        String key = UUID.randomUUID().toString();
        BY_KEY.put(key, this);
        return () -> BY_KEY.get(key);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void schedule(Runnable task, long delayMillis) {
        if (!closed) {
            tasks.add(new Task(nanos + delayMillis * 1_000_000L, scheduled++, task));
        }
    }

    /** Moves time on by {@code duration}, running every task that falls due on the way. */
    void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nanos + duration.toNanos();
        }
        Task next;
        while ((next = takeDueBy(target)) != null) {
            next.task.run();
        }
        synchronized (this) {
            nanos = target;
        }
    }

    /** The delays (from now, in ms) of the tasks waiting to run. */
    synchronized List<Long> pendingDelaysMillis() {
        List<Long> delays = new ArrayList<>();
        for (Task t : tasks) {
            delays.add((t.dueNanos - nanos) / 1_000_000L);
        }
        delays.sort(Comparator.naturalOrder());
        return delays;
    }

    private synchronized Task takeDueBy(long target) {
        if (tasks.isEmpty() || tasks.peek().dueNanos > target) {
            return null;
        }
        Task next = tasks.poll();
        nanos = next.dueNanos;
        return next;
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }

    private static final class Task {
        final long dueNanos;
        final long sequence;
        final Runnable task;

        Task(long dueNanos, long sequence, Runnable task) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.task = task;
        }
    }
}
