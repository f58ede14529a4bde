package io.occupancystream.job.scoring;

import io.occupancystream.job.results.FallbackReason;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries of transient failures: at most {@code maxAttempts} calls, exponential backoff from {@code
 * baseBackoff} capped at {@code maxBackoff} with "equal jitter" (half fixed, half random), and no
 * retry that would start after {@code budget} from the first attempt, so that a batch gives up (and
 * falls back) before the async operator's timeout.
 */
public final class RetryPolicy implements Serializable {
    private final int maxAttempts;
    private final long baseBackoffMillis;
    private final long maxBackoffMillis;
    private final long budgetMillis;

    public RetryPolicy(
            int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration budget) {
        this.maxAttempts = maxAttempts;
        this.baseBackoffMillis = baseBackoff.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
        this.budgetMillis = budget.toMillis();
    }

    /** The pause before attempt {@code attempt + 1}, given that {@code attempt} just failed. */
    public long backoffMillis(int attempt) {
        long exponential = baseBackoffMillis << Math.min(attempt - 1, 20);
        long capped = Math.min(maxBackoffMillis, exponential);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    /**
     * Whether to try again after attempt {@code attempt} failed {@code elapsedMillis} after the
     * first attempt began, with the given pause before the next one.
     */
    public boolean retry(
            FallbackReason failure, int attempt, long elapsedMillis, long backoffMillis) {
        return failure.isTransient()
                && attempt < maxAttempts
                && elapsedMillis + backoffMillis < budgetMillis;
    }
}
