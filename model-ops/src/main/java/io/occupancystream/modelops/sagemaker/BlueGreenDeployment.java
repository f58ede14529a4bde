package io.occupancystream.modelops.sagemaker;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sagemaker.model.Alarm;
import software.amazon.awssdk.services.sagemaker.model.CapacitySizeType;
import software.amazon.awssdk.services.sagemaker.model.DeploymentConfig;
import software.amazon.awssdk.services.sagemaker.model.TrafficRoutingConfigType;

/**
 * The blue/green update of an endpoint: the new fleet comes up beside the old one; traffic shifts
 * all at once, or first to a canary share; each shift is followed by a baking period in which any
 * of the alarms rolls the update back; the old fleet goes {@code terminationWait} seconds after the
 * last one. Limits are checked when it is made, before any call (SageMaker API reference:
 * TrafficRoutingConfig, BlueGreenUpdatePolicy, CapacitySize; "Use canary traffic shifting").
 */
public final class BlueGreenDeployment {
    static final int MAX_WAIT_SECONDS = 3600;
    static final int MIN_EXECUTION_TIMEOUT_SECONDS = 600;
    static final int MAX_EXECUTION_TIMEOUT_SECONDS = 28800;
    static final int MAX_CANARY_PERCENT = 50;

    private final int canaryPercent;
    private final int bakingSeconds;
    private final int terminationWaitSeconds;
    private final int executionTimeoutSeconds;
    private final List<String> rollbackAlarms;

    /**
     * @param canaryPercent 0 for all at once, else the share of the variant's instances that takes
     *     traffic first (at most 50 %, so at least two instances)
     * @param bakingSeconds how long the alarms watch after each shift (WaitIntervalInSeconds)
     * @param terminationWaitSeconds extra time the old fleet stays after the last baking period
     * @param maxWait how long the promotion waits for the endpoint; SageMaker gives up on the
     *     deployment (MaximumExecutionTimeoutInSeconds) after as long, within its range
     */
    public BlueGreenDeployment(
            int canaryPercent,
            int bakingSeconds,
            int terminationWaitSeconds,
            List<String> rollbackAlarms,
            int instanceCount,
            Duration maxWait) {
        requireRange("--baking-seconds", bakingSeconds, 0, MAX_WAIT_SECONDS);
        requireRange("--termination-wait-seconds", terminationWaitSeconds, 0, MAX_WAIT_SECONDS);
        if (canaryPercent != 0) {
            requireRange("--canary-percent", canaryPercent, 1, MAX_CANARY_PERCENT);
            if (instanceCount < 2) {
                throw new PromotionException(
                        "--canary-percent needs at least 2 instances (--instance-count): the"
                                + " canary may be at most 50% of the variant's "
                                + instanceCount
                                + " instance(s); use 0 to shift all at once");
            }
        }
        this.canaryPercent = canaryPercent;
        this.bakingSeconds = bakingSeconds;
        this.terminationWaitSeconds = terminationWaitSeconds;
        this.rollbackAlarms = List.copyOf(rollbackAlarms);
        this.executionTimeoutSeconds =
                (int)
                        Math.min(
                                MAX_EXECUTION_TIMEOUT_SECONDS,
                                Math.max(MIN_EXECUTION_TIMEOUT_SECONDS, maxWait.getSeconds()));
        if (executionTimeoutSeconds <= waitingSeconds()) {
            throw new PromotionException(
                    "--max-wait "
                            + maxWait
                            + " must be longer than the deployment's waiting time ("
                            + waitingSeconds()
                            + " s of baking and termination wait)");
        }
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new PromotionException(
                    option + " must be " + min + " to " + max + ", not " + value);
        }
    }

    /** A canary is baked, then the rest; all at once is baked once. */
    private int waitingSeconds() {
        return (canaryPercent == 0 ? 1 : 2) * bakingSeconds + terminationWaitSeconds;
    }

    DeploymentConfig config() {
        DeploymentConfig.Builder config =
                DeploymentConfig.builder()
                        .blueGreenUpdatePolicy(
                                policy ->
                                        policy.terminationWaitInSeconds(terminationWaitSeconds)
                                                .maximumExecutionTimeoutInSeconds(
                                                        executionTimeoutSeconds)
                                                .trafficRoutingConfiguration(
                                                        routing -> {
                                                            if (canaryPercent == 0) {
                                                                routing.type(
                                                                        TrafficRoutingConfigType
                                                                                .ALL_AT_ONCE);
                                                            } else {
                                                                routing.type(
                                                                                TrafficRoutingConfigType
                                                                                        .CANARY)
                                                                        .canarySize(
                                                                                size ->
                                                                                        size.type(
                                                                                                        CapacitySizeType
                                                                                                                .CAPACITY_PERCENT)
                                                                                                .value(
                                                                                                        canaryPercent));
                                                            }
                                                            routing.waitIntervalInSeconds(
                                                                    bakingSeconds);
                                                        }));
        if (!rollbackAlarms.isEmpty()) {
            config.autoRollbackConfiguration(
                    rollback ->
                            rollback.alarms(
                                    rollbackAlarms.stream()
                                            .map(name -> Alarm.builder().alarmName(name).build())
                                            .collect(Collectors.toList())));
        }
        return config.build();
    }

    String describe() {
        String routing = canaryPercent == 0 ? "all at once" : canaryPercent + "% canary first";
        String rollback =
                rollbackAlarms.isEmpty()
                        ? "no rollback alarms"
                        : "rollback on " + String.join(", ", rollbackAlarms);
        return routing
                + ", baking "
                + bakingSeconds
                + " s after each shift, old fleet kept "
                + terminationWaitSeconds
                + " s more, "
                + rollback;
    }
}
