package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.results.FallbackReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** At most one line per reason per interval, the rest counted; permanent causes at error level. */
class FailureLogTest {
    private static final long INTERVAL_MILLIS = 60_000;

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final List<String> lines = new ArrayList<>();
    private final FailureLog log =
            new FailureLog(
                    INTERVAL_MILLIS,
                    nanos::get,
                    (error, line) -> lines.add((error ? "ERROR " : "WARN ") + line));

    private static final Throwable DENIED = new IOException("denied");

    @Test
    void permanentCauseIsLoggedAtErrorLevelWithTheMessageOnceAMinuteWithTheCountInBetween() {
        log.fellBack(FallbackReason.ACCESS_DENIED, 10, 1, DENIED);
        log.fellBack(FallbackReason.ACCESS_DENIED, 10, 1, DENIED);
        log.fellBack(FallbackReason.ACCESS_DENIED, 5, 1, DENIED);
        advanceMillis(INTERVAL_MILLIS - 1);
        log.fellBack(FallbackReason.ACCESS_DENIED, 10, 1, DENIED);
        advanceMillis(1);
        log.fellBack(FallbackReason.ACCESS_DENIED, 7, 1, DENIED);
        log.fellBack(FallbackReason.ACCESS_DENIED, 7, 1, DENIED);

        assertThat(lines)
                .containsExactly(
                        "ERROR Scoring 10 readings by the rule (ACCESS_DENIED, which no retry"
                                + " fixes) after 1 attempt(s): IOException: denied",
                        "ERROR Scoring 7 readings by the rule (ACCESS_DENIED, which no retry"
                                + " fixes) after 1 attempt(s): IOException: denied [3 more such"
                                + " failure(s), 25 readings, not logged since the last line]");
    }

    @Test
    void eachReasonHasItsOwnLimitAndTransientOnesAreWarnings() {
        log.fellBack(FallbackReason.THROTTLED, 10, 4, new IOException("Rate exceeded"));
        log.fellBack(FallbackReason.NO_CREDENTIALS, 10, 1, new IOException("none"));
        log.fellBack(FallbackReason.THROTTLED, 10, 4, new IOException("Rate exceeded"));

        assertThat(lines)
                .containsExactly(
                        "WARN Scoring 10 readings by the rule (THROTTLED) after 4 attempt(s):"
                                + " IOException: Rate exceeded",
                        "ERROR Scoring 10 readings by the rule (NO_CREDENTIALS, which no retry"
                                + " fixes) after 1 attempt(s): IOException: none");
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }
}
