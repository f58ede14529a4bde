package io.occupancystream.deploy;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.constructs.Construct;

/**
 * What an application that reads the rooms' decisions needs (docs/operations.md, "Reading the
 * decisions"): GetThingShadow on the account's things in the stack's region, and nothing else, so
 * it can read shadows (classic or named) but not change them, nor list or describe things. Attach
 * it to the reader's user or role.
 */
final class ShadowReaderPolicy extends Construct {
    final ManagedPolicy policy;

    ShadowReaderPolicy(Construct scope, String id, DeploySettings settings) {
        super(scope, id);
        Arns arns = new Arns(Stack.of(this));
        policy =
                ManagedPolicy.Builder.create(this, "Policy")
                        .managedPolicyName(settings.applicationName + "-shadow-reader")
                        .description("Read the rooms' decisions from their device shadows")
                        .statements(
                                List.of(
                                        PolicyStatements.allow(
                                                        "ReadThingShadows",
                                                        List.of("iot:GetThingShadow"),
                                                        List.of(arns.things()))
                                                .build()))
                        .build();
        ServiceRole.justifyWildcards(
                policy,
                "The job updates the shadow of whichever thing a reading came from, so a reader"
                        + " may read any thing's shadow; GetThingShadow is its only action.");
    }
}
