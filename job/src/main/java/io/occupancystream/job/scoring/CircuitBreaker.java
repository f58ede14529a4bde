package io.occupancystream.job.scoring;

import io.occupancystream.job.results.FallbackReason;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling a failing model: after {@code failureThreshold} consecutive transient failures, or
 * at once on a permanent one (no credentials, access denied, no such endpoint), it opens, and calls
 * are refused for {@code coolDownMillis}; then it lets one probe through (half-open), closing on
 * its success and opening again on its failure. While open, answers to calls made before it opened
 * change nothing: a late success does not close it, a late failure does not extend the cool-down.
 * It remembers why it last opened, so that refused readings carry the permanent cause rather than
 * {@link FallbackReason#CIRCUIT_OPEN}. Each change of state is logged (opening at warning level,
 * with its cause) and told to a {@link Transitions} listener, which counts them. Thread-safe.
 */
public final class CircuitBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    /** Told of every change of state, with the lock held. */
    public interface Transitions {
        void changed(State from, State to);
    }

    /** The breaker's state, also exposed as a gauge (0 closed, 1 open, 2 half-open). */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failureThreshold;
    private final long coolDownNanos;
    private final LongSupplier nanoClock;
    private final Transitions transitions;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probeInFlight;
    private FallbackReason openCause = FallbackReason.CIRCUIT_OPEN;

    public CircuitBreaker(
            int failureThreshold,
            long coolDownMillis,
            LongSupplier nanoClock,
            Transitions transitions) {
        this.failureThreshold = failureThreshold;
        this.coolDownNanos = coolDownMillis * 1_000_000L;
        this.nanoClock = nanoClock;
        this.transitions = transitions;
    }

    /** Whether a call may go out now; in half-open state only one probe at a time. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= coolDownNanos) {
            moveTo(State.HALF_OPEN, null);
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
        if (state == State.OPEN) {
            return;
        }
        moveTo(State.CLOSED, null);
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    /** A call failed for this reason (transient or permanent). */
    public synchronized void onFailure(FallbackReason reason) {
        if (state == State.OPEN) {
            return;
        }
        consecutiveFailures++;
        if (reason.isPermanent()
                || state == State.HALF_OPEN
                || consecutiveFailures >= failureThreshold) {
            openedAt = nanoClock.getAsLong();
            probeInFlight = false;
            openCause = reason.isPermanent() ? reason : FallbackReason.CIRCUIT_OPEN;
            moveTo(State.OPEN, reason);
        }
    }

    /** Call with the lock held; {@code cause} is the failure that opens it, else null. */
    private void moveTo(State next, FallbackReason cause) {
        State previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        if (next == State.OPEN) {
            LOG.warn(
                    "Model circuit breaker {} -> {} after {} consecutive failures (last: {});"
                            + " readings are scored by the rule for {} ms",
                    previous,
                    next,
                    consecutiveFailures,
                    cause,
                    coolDownNanos / 1_000_000L);
        } else {
            LOG.info("Model circuit breaker {} -> {}", previous, next);
        }
        transitions.changed(previous, next);
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
