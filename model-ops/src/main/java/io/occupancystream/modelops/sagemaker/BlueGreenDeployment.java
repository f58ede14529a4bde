package io.occupancystream.modelops.sagemaker;

import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sagemaker.model.Alarm;
import software.amazon.awssdk.services.sagemaker.model.CapacitySizeType;
import software.amazon.awssdk.services.sagemaker.model.DeploymentConfig;
import software.amazon.awssdk.services.sagemaker.model.TrafficRoutingConfigType;

/**
 * The blue/green update of an endpoint: the new fleet comes up beside the old one; traffic shifts
 * all at once, or first to a canary share; the old fleet stays for {@code baking} seconds, during
 * which any of the alarms rolls the update back.
 */
public final class BlueGreenDeployment {
    private final int canaryPercent;
    private final int waitSeconds;
    private final int bakingSeconds;
    private final List<String> rollbackAlarms;

    /**
     * @param canaryPercent 0 for all at once, else the share of capacity that gets traffic first
     * @param waitSeconds how long the canary runs before the rest shifts
     */
    public BlueGreenDeployment(
            int canaryPercent, int waitSeconds, int bakingSeconds, List<String> rollbackAlarms) {
        this.canaryPercent = canaryPercent;
        this.waitSeconds = waitSeconds;
        this.bakingSeconds = bakingSeconds;
        this.rollbackAlarms = List.copyOf(rollbackAlarms);
    }

    DeploymentConfig config() {
        DeploymentConfig.Builder config =
                DeploymentConfig.builder()
                        .blueGreenUpdatePolicy(
                                policy ->
                                        policy.terminationWaitInSeconds(bakingSeconds)
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
                                                                    waitSeconds);
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
        String routing =
                canaryPercent == 0
                        ? "all at once"
                        : canaryPercent + "% canary for " + waitSeconds + " s";
        String rollback =
                rollbackAlarms.isEmpty()
                        ? "no rollback alarms"
                        : "rollback on " + String.join(", ", rollbackAlarms);
        return routing + ", old fleet kept " + bakingSeconds + " s, " + rollback;
    }
}
