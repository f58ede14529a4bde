package io.occupancystream.job.results;

/** Why a reading was scored by the rule instead of the model: the result's fallbackReason. */
public enum FallbackReason {
    /** The circuit breaker is open after repeated transient failures; the model was not called. */
    CIRCUIT_OPEN(Kind.REFUSED),
    /** No answer within the async operator's timeout. */
    TIMEOUT(Kind.REFUSED),
    /** The endpoint kept throttling (HTTP 400 ThrottlingException) through every retry. */
    THROTTLED(Kind.TRANSIENT),
    /** The endpoint kept failing with 5xx or 429 (ModelNotReady) through every retry. */
    SERVER_ERROR(Kind.TRANSIENT),
    /** No HTTP answer (connection refused or reset, attempt timed out) through every retry. */
    NETWORK_ERROR(Kind.TRANSIENT),
    /** The AWS SDK found no credentials in its default chain, so no request was sent. */
    NO_CREDENTIALS(Kind.PERMANENT),
    /** AWS did not accept the credentials: unknown, expired or badly signed. */
    INVALID_CREDENTIALS(Kind.PERMANENT),
    /** The caller may not invoke the endpoint: no sagemaker:InvokeEndpoint on its ARN. */
    ACCESS_DENIED(Kind.PERMANENT),
    /** No endpoint of that name in the caller's account and region. */
    ENDPOINT_NOT_FOUND(Kind.PERMANENT),
    /** The endpoint refused this request (other 4xx, e.g. a row the model cannot read). */
    REJECTED(Kind.REQUEST),
    /** The answer did not match the request (row count, unreadable lines). */
    BAD_RESPONSE(Kind.REQUEST),
    /** The in-process model failed. */
    MODEL_ERROR(Kind.REQUEST);

    /** What a failure says about the next call, which decides retries and the circuit breaker. */
    public enum Kind {
        /** The model was not called (breaker open, or the async operator gave up). */
        REFUSED,
        /** May pass: retried, and counted towards opening the breaker. */
        TRANSIENT,
        /** Every call fails the same way until someone fixes the setup: opens the breaker. */
        PERMANENT,
        /**
         * This request failed and would fail again: not retried. Counted towards opening the
         * breaker, except a rejection, which shows the endpoint up and answering.
         */
        REQUEST
    }

    private final Kind kind;

    FallbackReason(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether a failure of this kind may pass, so that retrying makes sense. */
    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /** Whether no retry can fix it: the setup (credentials, permission, endpoint) is wrong. */
    public boolean isPermanent() {
        return kind == Kind.PERMANENT;
    }
}
