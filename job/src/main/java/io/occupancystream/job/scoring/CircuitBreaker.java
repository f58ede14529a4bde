package io.occupancystream.job.scoring;

import io.occupancystream.job.results.FallbackReason;
import java.util.function.LongSupplier;

/**
 * Stops calling a failing model: after {@code failureThreshold} consecutive transient failures, or
 * at once on a permanent one (no credentials, access denied, no such endpoint), it opens, and calls
 * are refused for {@code coolDownMillis}; then it lets one probe through (half-open), closing on
 * its success and opening again on its failure. It remembers why it last opened, so that refused
 * readings carry the permanent cause rather than {@link FallbackReason#CIRCUIT_OPEN}. Thread-safe.
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
    private FallbackReason openCause = FallbackReason.CIRCUIT_OPEN;

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

    /** A call failed for this reason (transient or permanent). */
    public synchronized void onFailure(FallbackReason reason) {
        consecutiveFailures++;
        if (reason.isPermanent()
                || state == State.HALF_OPEN
                || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            probeInFlight = false;
            openCause = reason.isPermanent() ? reason : FallbackReason.CIRCUIT_OPEN;
        }
    }

    /**
     * The fallback reason of a refused call: the permanent failure that last opened the breaker, or
     * {@link FallbackReason#CIRCUIT_OPEN} after transient ones.
     */
    public synchronized FallbackReason openCause() {
        return openCause;
    }

    public synchronized State state() {
        return state;
    }
}
