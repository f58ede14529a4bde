package io.occupancystream.deploy;

import io.occupancystream.modelops.sagemaker.PromotionOptions;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** The statements every promoter of a model (the operator, the retraining function) needs. */
final class SageMakerStatements {
    private SageMakerStatements() {}

    /** Register each promoted model in the default package group, creating it the first time. */
    static PolicyStatement registerModelPackages(Arns arns) {
        String group = PromotionOptions.DEFAULT_PACKAGE_GROUP;
        return PolicyStatements.allow(
                        "RegisterModelPackages",
                        List.of(
                                "sagemaker:CreateModelPackage",
                                "sagemaker:CreateModelPackageGroup",
                                "sagemaker:DescribeModelPackageGroup"),
                        List.of(
                                arns.sageMaker("model-package-group", group),
                                arns.sageMaker("model-package", group + "/*")))
                .build();
    }

    /**
     * Autopilot trains on a copy of the training sets without their identity columns, written under
     * the job's own folder of the Autopilot output prefix ({@code autopilot/JOB/input/}, see
     * model-ops' {@code AutopilotInput}) before the job starts.
     */
    static PolicyStatement stageAutopilotInput(Arns arns, String bucket) {
        return PolicyStatements.allow(
                        "StageAutopilotInput",
                        List.of("s3:PutObject"),
                        List.of(arns.objects(bucket, DataBucket.AUTOPILOT + "/*/input/*")))
                .build();
    }

    /**
     * Create, describe and update the one endpoint. Creating or updating it names a config, so the
     * configs ({@code configs}, a name pattern) are resources of these calls too.
     */
    static PolicyStatement deployToTheEndpoint(Arns arns, String endpointName, String configs) {
        return PolicyStatements.allow(
                        "DeployToTheEndpoint",
                        List.of(
                                "sagemaker:CreateEndpoint",
                                "sagemaker:DescribeEndpoint",
                                "sagemaker:UpdateEndpoint"),
                        List.of(
                                arns.sageMaker("endpoint", endpointName),
                                arns.sageMaker("endpoint-config", configs)))
                .build();
    }

    /** Autopilot jobs and models run as the SageMaker role. */
    static PolicyStatement passSageMakerRole(String roleArn) {
        return PolicyStatements.allow(
                        "PassSageMakerRole", List.of("iam:PassRole"), List.of(roleArn))
                .conditions(
                        Map.of(
                                "StringEquals",
                                Map.of("iam:PassedToService", "sagemaker.amazonaws.com")))
                .build();
    }
}
