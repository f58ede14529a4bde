package io.occupancystream.job.scoring;

import io.occupancystream.job.aws.AwsFailure;
import io.occupancystream.job.results.FallbackReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs why readings fell back to the rule, at most one line per {@link FallbackReason} per
 * interval: a permanent cause (no credentials, access denied, no such endpoint) at error level,
 * others at warning level, each with the model's or SageMaker's own message. Failures within the
 * interval are counted and reported with the next line of their reason. Thread-safe.
 */
final class FailureLog {
    /** Where lines go; SLF4J in the job, a list in tests. */
    interface Sink {
        void log(boolean error, String line);
    }

    private static final long DEFAULT_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(1);

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Sink sink;
    private final Map<FallbackReason, Suppressed> byReason = new EnumMap<>(FallbackReason.class);

    FailureLog(long intervalMillis, LongSupplier nanoClock, Sink sink) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.nanoClock = nanoClock;
        this.sink = sink;
    }

    /** One line per reason per minute of {@code nanoClock}, to {@code log}. */
    static FailureLog every(Logger log, LongSupplier nanoClock) {
        return new FailureLog(
                DEFAULT_INTERVAL_MILLIS,
                nanoClock,
                (error, line) -> {
                    if (error) {
                        log.error(line);
                    } else {
                        log.warn(line);
                    }
                });
    }

    /**
     * {@code readings} were scored by the rule after {@code attempts} failed with {@code failure}.
     */
    void fellBack(FallbackReason reason, int readings, int attempts, Throwable failure) {
        String line;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            Suppressed last = byReason.get(reason);
            if (last != null && now - last.loggedAt < intervalNanos) {
                last.failures++;
                last.readings += readings;
                return;
            }
            line = line(reason, readings, attempts, failure, last);
            byReason.put(reason, new Suppressed(now));
        }
        sink.log(reason.isPermanent(), line);
    }

    private static String line(
            FallbackReason reason,
            int readings,
            int attempts,
            Throwable failure,
            Suppressed since) {
        StringBuilder line =
                new StringBuilder("Scoring ")
                        .append(readings)
                        .append(" readings by the rule (")
                        .append(reason)
                        .append(reason.isPermanent() ? ", which no retry fixes" : "")
                        .append(") after ")
                        .append(attempts)
                        .append(" attempt(s): ")
                        .append(AwsFailure.describe(failure));
        if (since != null && since.failures > 0) {
            line.append(" [")
                    .append(since.failures)
                    .append(" more such failure(s), ")
                    .append(since.readings)
                    .append(" readings, not logged since the last line]");
        }
        return line.toString();
    }

    private static final class Suppressed {
        final long loggedAt;
        long failures;
        long readings;

        Suppressed(long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }
}
