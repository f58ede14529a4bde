package io.occupancystream.modelops.sagemaker;

import software.amazon.awssdk.services.sagemaker.model.AutoMLJobStatus;
import software.amazon.awssdk.services.sagemaker.model.DescribeAutoMlJobV2Response;

/**
 * One look at an Autopilot job (DescribeAutoMLJobV2): still running, completed, or ended without a
 * model (Failed or Stopped), then with SageMaker's FailureReason. Both the command's wait and the
 * retraining state machine's poll read a job through it.
 */
public final class AutopilotProgress {
    /** Where the job is. */
    public enum State {
        RUNNING,
        COMPLETED,
        ENDED
    }

    private final State state;
    private final String message;

    private AutopilotProgress(State state, String message) {
        this.state = state;
        this.message = message;
    }

    static AutopilotProgress of(DescribeAutoMlJobV2Response job) {
        AutoMLJobStatus status = job.autoMLJobStatus();
        String name = "Autopilot job " + job.autoMLJobName() + " ";
        if (status == AutoMLJobStatus.COMPLETED) {
            return new AutopilotProgress(State.COMPLETED, name + status);
        }
        if (status == AutoMLJobStatus.FAILED || status == AutoMLJobStatus.STOPPED) {
            return new AutopilotProgress(
                    State.ENDED,
                    name
                            + status
                            + (job.failureReason() == null ? "" : ": " + job.failureReason()));
        }
        return new AutopilotProgress(
                State.RUNNING, name + status + " / " + job.autoMLJobSecondaryStatusAsString());
    }

    public State state() {
        return state;
    }

    /** The status, with the secondary status while running and the reason when ended. */
    public String message() {
        return message;
    }
}
