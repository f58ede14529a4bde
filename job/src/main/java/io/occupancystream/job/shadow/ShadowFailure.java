package io.occupancystream.job.shadow;

import io.occupancystream.job.aws.AwsFailure;

/** How an UpdateThingShadow failure is handled, from what {@link AwsFailure} makes of it. */
enum ShadowFailure {
    /** Handed back to the sink, which sends it again. */
    RETRY,
    /** Counted and logged, not sent again: this update would fail again. */
    REJECTED,
    /** Fails the job: no retry can fix credentials or permissions. */
    FATAL;

    static ShadowFailure classify(Throwable error) {
        switch (AwsFailure.classify(error)) {
            case INVALID_CREDENTIALS:
            case ACCESS_DENIED:
                return FATAL;
            case REJECTED:
                return REJECTED;
            default:
                return RETRY;
        }
    }
}
