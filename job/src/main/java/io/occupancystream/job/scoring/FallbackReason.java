package io.occupancystream.job.scoring;

/** Why a reading was scored by the rule instead of the model: the result's fallbackReason. */
public enum FallbackReason {
    /** The circuit breaker is open after repeated failures; the model was not called. */
    CIRCUIT_OPEN(false),
    /** No answer within the async operator's timeout. */
    TIMEOUT(false),
    /** The endpoint kept throttling (HTTP 400 ThrottlingException) through every retry. */
    THROTTLED(true),
    /** The endpoint kept failing with 5xx or 429 (ModelNotReady) through every retry. */
    SERVER_ERROR(true),
    /** No HTTP answer (connection refused or reset, attempt timed out) through every retry. */
    NETWORK_ERROR(true),
    /** The endpoint refused the request (4xx other than throttling); not retried. */
    REJECTED(false),
    /** The answer did not match the request (row count, unreadable lines); not retried. */
    BAD_RESPONSE(false),
    /** The in-process model failed; not retried. */
    MODEL_ERROR(false);

    private final boolean transientFailure;

    FallbackReason(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** Whether a failure of this kind may pass, so that retrying makes sense. */
    public boolean isTransient() {
        return transientFailure;
    }
}
