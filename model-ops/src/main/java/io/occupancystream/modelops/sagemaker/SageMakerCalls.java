package io.occupancystream.modelops.sagemaker;

import java.util.Set;

/**
 * Every SageMaker API operation the commands of this package call, by its API name. The operator
 * who runs them needs an IAM permission of the same name for each (the deploy's model-ops policy is
 * checked against this list), and the command tests check that the commands call nothing else.
 */
public final class SageMakerCalls {
    public static final Set<String> OPERATIONS =
            Set.of(
                    "CreateAutoMLJobV2",
                    "DescribeAutoMLJobV2",
                    "ListCandidatesForAutoMLJob",
                    "DescribeEndpoint",
                    "DescribeEndpointConfig",
                    "DescribeModel",
                    "ListTags",
                    "DescribeModelPackageGroup",
                    "CreateModelPackageGroup",
                    "CreateModelPackage",
                    "CreateModel",
                    "CreateEndpointConfig",
                    "CreateEndpoint",
                    "UpdateEndpoint");

    private SageMakerCalls() {}
}
