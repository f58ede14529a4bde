package io.occupancystream.modelops.sagemaker;

import java.util.HashSet;
import java.util.Set;

/**
 * Every SageMaker API operation the commands of this package call, by its API name. The operator
 * who runs them needs an IAM permission of the same name for each (the deploy's model-ops policy is
 * checked against this list), and the command tests check that the commands call nothing else.
 */
public final class SageMakerCalls {
    /**
     * The operations the retraining steps ({@link RetrainingSteps}) call. The retraining function's
     * role is checked against this list, and the handler tests check that the steps call nothing
     * else.
     */
    public static final Set<String> RETRAINING =
            Set.of(
                    "CreateAutoMLJobV2",
                    "DescribeAutoMLJobV2",
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

    /** The retraining steps' calls, and listing candidates for the command's progress lines. */
    public static final Set<String> OPERATIONS = with(RETRAINING, "ListCandidatesForAutoMLJob");

    private SageMakerCalls() {}

    private static Set<String> with(Set<String> some, String more) {
        Set<String> all = new HashSet<>(some);
        all.add(more);
        return Set.copyOf(all);
    }
}
