package io.occupancystream.devicesim.delivery;

import java.util.function.LongSupplier;

/**
 * Holds readings back so that simulated time passes {@code speed} times as fast as real time. Each
 * tick waits for its own due time measured from the start, so time spent writing does not add up to
 * drift; a late tick goes out at once.
 */
public final class Pacer {
    /** Sleeps for a number of nanoseconds; replaced in tests. */
    public interface Sleeper {
        /** The real one: Thread.sleep. */
        Sleeper THREAD = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private final double speed;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long startNanos;

    /**
     * @param speed simulated seconds per real second; 0 means no waiting
     */
    public Pacer(double speed, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 or more, got " + speed);
        }
        this.speed = speed;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    public boolean isPaced() {
        return speed > 0;
    }

    /** Marks real time zero, when simulated time zero goes out. */
    public void start() {
        startNanos = nanoClock.getAsLong();
    }

    /** Waits until the tick {@code simulatedSeconds} after the start is due. */
    public void awaitSimulatedSecond(long simulatedSeconds) throws InterruptedException {
        if (!isPaced()) {
            return;
        }
        long dueNanos = startNanos + Math.round(simulatedSeconds * NANOS_PER_SECOND / speed);
        long waitNanos = dueNanos - nanoClock.getAsLong();
        if (waitNanos > 0) {
            sleeper.sleepNanos(waitNanos);
        }
    }
}
