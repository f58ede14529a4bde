package io.occupancystream.modelops.retraining;

/**
 * The steps of the retraining state machine that run model-ops code: the value of the {@code step}
 * field of the handler's input. Each returns after a few calls; the state machine waits between
 * them.
 */
public enum RetrainingStep {
    /** In: nothing. Out: retrain, rows, newRows, message, trainedOn. */
    NEW_ROWS,
    /** In: nothing. Out: jobName. */
    START_AUTOPILOT,
    /** In: jobName. Out: state (RUNNING, COMPLETED, ENDED), message. */
    AUTOPILOT_PROGRESS,
    /** In: jobName, trainedOn. Out: promoted, endpointConfig, message, decision. */
    PROMOTE,
    /** In: endpointConfig. Out: state (UPDATING, SERVING, FAILED), message. */
    ENDPOINT_PROGRESS,
    /** In: jobName, trainedOn. Out: modelCard. */
    PUBLISH_CARD
}
