package io.occupancystream.job.scoring;

import java.util.function.LongSupplier;

/**
 * Stops calling a failing model: after {@code failureThreshold} consecutive transient failures it
 * opens, and calls are refused for {@code coolDownMillis}; then it lets one probe through
 * (half-open), closing on its success and opening again on its failure. Thread-safe.
 */
public final class CircuitBreaker {
    /** The breaker's state, also exposed as a gauge (0 closed, 1 open, 2 half-open). */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failureThreshold;
    private final long coolDownNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probeInFlight;

    public CircuitBreaker(int failureThreshold, long coolDownMillis, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.coolDownNanos = coolDownMillis * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    /** Whether a call may go out now; in half-open state only one probe at a time. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= coolDownNanos) {
            state = State.HALF_OPEN;
            probeInFlight = false;
        }
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.HALF_OPEN && !probeInFlight) {
            probeInFlight = true;
            return true;
        }
        return false;
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            probeInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }
}
