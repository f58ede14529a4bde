package io.occupancystream.modelops.sagemaker;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;

/**
 * One look at an endpoint being created or updated to a config (DescribeEndpoint): serving it,
 * still on its way, or failed. A blue/green rollback leaves the endpoint InService on the old
 * config, which is a failure, like the Failed and UpdateRollbackFailed statuses; a failure carries
 * SageMaker's FailureReason. Both the command's wait and the retraining state machine's poll read
 * an endpoint through it.
 */
public final class EndpointProgress {
    /** Where the deployment is. */
    public enum State {
        UPDATING,
        SERVING,
        FAILED
    }

    private final State state;
    private final EndpointStatus status;
    private final String message;

    private EndpointProgress(State state, EndpointStatus status, String message) {
        this.state = state;
        this.status = status;
        this.message = message;
    }

    /** Describes {@code endpointName} once. */
    static EndpointProgress look(SageMakerClient sageMaker, String endpointName, String config) {
        return of(
                sageMaker.describeEndpoint(r -> r.endpointName(endpointName)),
                endpointName,
                config);
    }

    static EndpointProgress of(DescribeEndpointResponse e, String endpointName, String config) {
        EndpointStatus status = e.endpointStatus();
        String name = "endpoint " + endpointName;
        if (status == EndpointStatus.IN_SERVICE) {
            if (!config.equals(e.endpointConfigName())) {
                return new EndpointProgress(
                        State.FAILED,
                        status,
                        "the deployment of "
                                + config
                                + " was rolled back; the endpoint still serves "
                                + e.endpointConfigName()
                                + reason(e));
            }
            return new EndpointProgress(State.SERVING, status, name + " serves " + config);
        }
        if (status == EndpointStatus.FAILED || status == EndpointStatus.UPDATE_ROLLBACK_FAILED) {
            return new EndpointProgress(State.FAILED, status, name + " is " + status + reason(e));
        }
        return new EndpointProgress(State.UPDATING, status, name + " is " + status);
    }

    private static String reason(DescribeEndpointResponse e) {
        return e.failureReason() == null ? "" : ": " + e.failureReason();
    }

    public State state() {
        return state;
    }

    EndpointStatus status() {
        return status;
    }

    public String message() {
        return message;
    }
}
