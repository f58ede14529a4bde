package io.occupancystream.deploy;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * A role that one AWS service assumes, with no managed policy: its statements are added one by one,
 * and the reason its wildcards (or a managed policy's) are needed is recorded where cdk-nag
 * (AwsSolutions-IAM5) looks.
 */
final class ServiceRole {
    private ServiceRole() {}

    static Role create(Construct scope, String service, String description) {
        return Role.Builder.create(scope, "Role")
                .assumedBy(new ServicePrincipal(service))
                .description(description)
                .build();
    }

    static void justifyWildcards(Construct roleOrPolicy, String reason) {
        NagSuppressions.addResourceSuppressions(
                roleOrPolicy,
                List.of(
                        NagPackSuppression.builder()
                                .id("AwsSolutions-IAM5")
                                .reason(reason)
                                .build()),
                true);
    }
}
