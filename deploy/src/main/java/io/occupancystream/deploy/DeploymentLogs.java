package io.occupancystream.deploy;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/** The deployment's log groups: named, kept a month, deleted with their stack. */
final class DeploymentLogs {
    private DeploymentLogs() {}

    static LogGroup group(Construct scope, String id, String name) {
        return LogGroup.Builder.create(scope, id)
                .logGroupName(name)
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }
}
