package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.results.FallbackReason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LongSummaryStatistics;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {
    private static final int SAMPLES = 2000;

    /** 4 attempts, 100 ms doubling up to 1 s, no retry starting 5 s after the first attempt. */
    private final RetryPolicy policy =
            new RetryPolicy(
                    4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));

    @ParameterizedTest(name = "after attempt {0}: {1} ms capped, so [{2}, {1}] ms")
    @CsvSource({
        "1, 100, 50",
        "2, 200, 100",
        "3, 400, 200",
        "4, 800, 400",
        "5, 1000, 500",
        "6, 1000, 500",
        "40, 1000, 500"
    })
    void backoffDoublesFromTheBaseIsCappedAndJitteredWithinTheUpperHalf(
            int attempt, long capped, long lowest) {
        LongSummaryStatistics backoffs =
                LongStream.range(0, SAMPLES)
                        .map(i -> policy.backoffMillis(attempt))
                        .summaryStatistics();

        assertThat(backoffs.getMin()).isGreaterThanOrEqualTo(lowest);
        assertThat(backoffs.getMax()).isLessThanOrEqualTo(capped);
        // equal jitter spreads over the whole upper half, not one value
        assertThat(backoffs.getMin()).isLessThan(lowest + capped / 8);
        assertThat(backoffs.getMax()).isGreaterThan(capped - capped / 8);
    }

    @Test
    void zeroBaseBackoffRetriesAtOnce() {
        RetryPolicy immediate =
                new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(LongStream.range(0, 100).map(i -> immediate.backoffMillis(2)).max()).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(
            value = FallbackReason.class,
            names = {"THROTTLED", "SERVER_ERROR", "NETWORK_ERROR"})
    void transientFailuresAreRetriedWhileAttemptsAndBudgetLast(FallbackReason reason) {
        assertThat(policy.retry(reason, 1, 0, 100)).isTrue();
        assertThat(policy.retry(reason, 3, 4000, 999)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = FallbackReason.class,
            names = {"CIRCUIT_OPEN", "TIMEOUT", "REJECTED", "BAD_RESPONSE", "MODEL_ERROR"})
    void otherFailuresAreNeverRetried(FallbackReason reason) {
        assertThat(policy.retry(reason, 1, 0, 100)).isFalse();
    }

    @Test
    void exactlyTheThrottlingServerAndNetworkFailuresAreTransient() {
        EnumSet<FallbackReason> transientReasons = EnumSet.noneOf(FallbackReason.class);
        for (FallbackReason reason : FallbackReason.values()) {
            if (reason.isTransient()) {
                transientReasons.add(reason);
            }
        }

        assertThat(transientReasons)
                .containsExactlyInAnyOrder(
                        FallbackReason.THROTTLED,
                        FallbackReason.SERVER_ERROR,
                        FallbackReason.NETWORK_ERROR);
    }

    @Test
    void noRetryAfterTheLastAttempt() {
        assertThat(policy.retry(FallbackReason.SERVER_ERROR, 3, 0, 1)).isTrue();
        assertThat(policy.retry(FallbackReason.SERVER_ERROR, 4, 0, 1)).isFalse();
        assertThat(policy.retry(FallbackReason.SERVER_ERROR, 5, 0, 1)).isFalse();
    }

    @Test
    void noRetryThatWouldStartAtOrAfterTheBudget() {
        assertThat(policy.retry(FallbackReason.THROTTLED, 1, 4899, 100)).isTrue();
        assertThat(policy.retry(FallbackReason.THROTTLED, 1, 4900, 100)).isFalse();
        assertThat(policy.retry(FallbackReason.THROTTLED, 1, 5000, 0)).isFalse();
        assertThat(policy.retry(FallbackReason.THROTTLED, 2, 6000, 100)).isFalse();
    }

    @Test
    void oneAttemptMeansNoRetry() {
        RetryPolicy once =
                new RetryPolicy(
                        1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(5));

        assertThat(once.retry(FallbackReason.NETWORK_ERROR, 1, 0, 1)).isFalse();
    }
}
