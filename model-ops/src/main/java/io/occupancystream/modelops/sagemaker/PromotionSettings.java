package io.occupancystream.modelops.sagemaker;

import java.time.Duration;

/** Where and how a promotion deploys. */
public final class PromotionSettings {
    final String endpointName;
    final String roleArn;
    final String instanceType;
    final int instanceCount;
    final String packageGroup;
    final BlueGreenDeployment deployment;
    final boolean force;
    final Duration pollInterval;
    final Duration maxWait;

    public PromotionSettings(
            String endpointName,
            String roleArn,
            String instanceType,
            int instanceCount,
            String packageGroup,
            BlueGreenDeployment deployment,
            boolean force,
            Duration pollInterval,
            Duration maxWait) {
        this.endpointName = endpointName;
        this.roleArn = roleArn;
        this.instanceType = instanceType;
        this.instanceCount = instanceCount;
        this.packageGroup = packageGroup;
        this.deployment = deployment;
        this.force = force;
        this.pollInterval = pollInterval;
        this.maxWait = maxWait;
    }
}
