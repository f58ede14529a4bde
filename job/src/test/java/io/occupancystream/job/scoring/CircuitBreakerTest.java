package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.scoring.CircuitBreaker.State;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final int THRESHOLD = 3;
    private static final long COOL_DOWN_MILLIS = 1000;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<String> transitions = new ArrayList<>();
    private final CircuitBreaker breaker =
            new CircuitBreaker(
                    THRESHOLD,
                    COOL_DOWN_MILLIS,
                    nanos::get,
                    (from, to) -> transitions.add(from + "->" + to));

    @Test
    void closedBreakerLetsEveryCallThrough() {
        for (int i = 0; i < 10; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
        }
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void opensAfterThresholdConsecutiveFailuresAndRefusesCalls() {
        breaker.onFailure(FallbackReason.SERVER_ERROR);
        breaker.onFailure(FallbackReason.SERVER_ERROR);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure(FallbackReason.SERVER_ERROR);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        breaker.onFailure(FallbackReason.SERVER_ERROR);
        breaker.onFailure(FallbackReason.SERVER_ERROR);
        breaker.onSuccess();
        breaker.onFailure(FallbackReason.SERVER_ERROR);
        breaker.onFailure(FallbackReason.SERVER_ERROR);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure(FallbackReason.SERVER_ERROR);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void refusesUntilTheCoolDownHasPassedThenLetsExactlyOneProbeThrough() {
        open();

        advanceMillis(COOL_DOWN_MILLIS - 1);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.state()).isEqualTo(State.OPEN);

        advanceMillis(1);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        advanceMillis(10 * COOL_DOWN_MILLIS);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void successfulProbeClosesTheBreaker() {
        open();
        advanceMillis(COOL_DOWN_MILLIS);
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        // the count started again: it takes THRESHOLD failures to open once more
        breaker.onFailure(FallbackReason.SERVER_ERROR);
        breaker.onFailure(FallbackReason.SERVER_ERROR);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void failedProbeOpensTheBreakerForAnotherCoolDown() {
        open();
        advanceMillis(COOL_DOWN_MILLIS);
        assertThat(breaker.tryAcquire()).isTrue();
        advanceMillis(300);

        breaker.onFailure(FallbackReason.SERVER_ERROR);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        advanceMillis(COOL_DOWN_MILLIS - 1);
        assertThat(breaker.tryAcquire()).isFalse();
        advanceMillis(1);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void thresholdOfOneOpensOnTheFirstFailure() {
        CircuitBreaker single =
                new CircuitBreaker(1, COOL_DOWN_MILLIS, nanos::get, (from, to) -> {});

        single.onFailure(FallbackReason.SERVER_ERROR);

        assertThat(single.state()).isEqualTo(State.OPEN);
        assertThat(single.tryAcquire()).isFalse();
    }

    @Test
    void aPermanentFailureOpensAtOnceAndRefusedCallsCarryItsReason() {
        breaker.onFailure(FallbackReason.ACCESS_DENIED);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.openCause()).isEqualTo(FallbackReason.ACCESS_DENIED);
    }

    @Test
    void openedByTransientFailuresRefusedCallsAreCircuitOpen() {
        open();

        assertThat(breaker.openCause()).isEqualTo(FallbackReason.CIRCUIT_OPEN);
    }

    @Test
    void aProbeFailingTransientlyAfterAPermanentCauseReportsCircuitOpen() {
        breaker.onFailure(FallbackReason.NO_CREDENTIALS);
        advanceMillis(COOL_DOWN_MILLIS);
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure(FallbackReason.NETWORK_ERROR);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.openCause()).isEqualTo(FallbackReason.CIRCUIT_OPEN);
    }

    @Test
    void aLateSuccessOfACallMadeBeforeItOpenedLeavesItOpen() {
        open();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aLateFailureWhileOpenDoesNotExtendTheCoolDown() {
        open();
        advanceMillis(COOL_DOWN_MILLIS - 1);

        breaker.onFailure(FallbackReason.SERVER_ERROR);
        advanceMillis(1);

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    }

    private void open() {
        for (int i = 0; i < THRESHOLD; i++) {
            breaker.onFailure(FallbackReason.SERVER_ERROR);
        }
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void tellsEachChangeOfStateOnceAndNothingWhenTheStateStays() {
        breaker.onSuccess();
        open();
        breaker.onFailure(FallbackReason.SERVER_ERROR); // a late answer of a call made before
        advanceMillis(COOL_DOWN_MILLIS);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure(FallbackReason.SERVER_ERROR);
        advanceMillis(COOL_DOWN_MILLIS);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        breaker.onSuccess();

        assertThat(transitions)
                .containsExactly(
                        "CLOSED->OPEN",
                        "OPEN->HALF_OPEN",
                        "HALF_OPEN->OPEN",
                        "OPEN->HALF_OPEN",
                        "HALF_OPEN->CLOSED");
    }
}
