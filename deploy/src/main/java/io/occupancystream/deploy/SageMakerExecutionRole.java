package io.occupancystream.deploy;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The role an Autopilot job (CreateAutoMLJobV2) and the model behind the endpoint run as: it reads
 * the training sets, writes Autopilot's output, reads models, pulls SageMaker's built-in containers
 * and writes SageMaker's logs and metrics. Autopilot starts its processing, training and transform
 * jobs as this role (in tuning mode also a hyperparameter tuning job, which runs training jobs), so
 * it may create, follow and stop those (in this account and region) and pass itself to SageMaker,
 * nothing else. An endpoint update with auto-rollback reads the deployment's alarms as this role.
 * Whoever starts Autopilot or creates the endpoint does so with their own credentials ({@link
 * ModelOpsPolicy}).
 */
final class SageMakerExecutionRole extends Construct {
    final Role role;

    SageMakerExecutionRole(Construct scope, String id, String bucket, DeploySettings settings) {
        super(scope, id);
        Arns arns = new Arns(Stack.of(this));
        role =
                ServiceRole.create(
                        this,
                        "sagemaker.amazonaws.com",
                        "Autopilot jobs and the occupancy model's endpoint run as it");
        role.addToPolicy(
                PolicyStatements.listUnder(
                        "ListTrainingAutopilotAndModelPrefixes",
                        arns.bucket(bucket),
                        DataBucket.TRAINING,
                        DataBucket.AUTOPILOT,
                        DataBucket.MODELS));
        role.addToPolicy(
                PolicyStatements.allow(
                                "ReadTrainingSetsAndModels",
                                List.of("s3:GetObject"),
                                List.of(
                                        arns.objects(bucket, DataBucket.TRAINING + "/*"),
                                        arns.objects(bucket, DataBucket.MODELS + "/*")))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "WriteAutopilotOutput",
                                List.of(
                                        "s3:GetObject",
                                        "s3:PutObject",
                                        "s3:DeleteObject",
                                        "s3:AbortMultipartUpload"),
                                List.of(arns.objects(bucket, DataBucket.AUTOPILOT + "/*")))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "RunAutopilotSteps",
                                List.of(
                                        "sagemaker:AddTags",
                                        "sagemaker:CreateHyperParameterTuningJob",
                                        "sagemaker:CreateProcessingJob",
                                        "sagemaker:CreateTrainingJob",
                                        "sagemaker:CreateTransformJob",
                                        "sagemaker:DescribeHyperParameterTuningJob",
                                        "sagemaker:DescribeProcessingJob",
                                        "sagemaker:DescribeTrainingJob",
                                        "sagemaker:DescribeTransformJob",
                                        "sagemaker:ListTrainingJobsForHyperParameterTuningJob",
                                        "sagemaker:StopHyperParameterTuningJob",
                                        "sagemaker:StopProcessingJob",
                                        "sagemaker:StopTrainingJob",
                                        "sagemaker:StopTransformJob"),
                                List.of(
                                        arns.sageMaker("hyper-parameter-tuning-job", "*"),
                                        arns.sageMaker("processing-job", "*"),
                                        arns.sageMaker("training-job", "*"),
                                        arns.sageMaker("transform-job", "*")))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "PassItselfToSageMaker",
                                List.of("iam:PassRole"),
                                List.of(role.getRoleArn()))
                        .conditions(
                                Map.of(
                                        "StringEquals",
                                        Map.of("iam:PassedToService", "sagemaker.amazonaws.com")))
                        .build());
        // AWS: "Ensure that your IAM execution role has permission to perform the
        // cloudwatch:DescribeAlarms action on the auto-rollback alarms you specify" (Auto-Rollback
        // Configuration and Monitoring). The deployment's alarms share the application's prefix.
        role.addToPolicy(
                PolicyStatements.allow(
                                "ReadRollbackAlarms",
                                List.of("cloudwatch:DescribeAlarms"),
                                List.of(arns.alarms(settings.applicationName + "-*")))
                        .build());
        // SageMaker's built-in images live in AWS-owned accounts that differ by region, so the
        // repository's account cannot be named; the region can.
        role.addToPolicy(
                PolicyStatements.allow(
                                "PullBuiltInImages",
                                List.of(
                                        "ecr:BatchCheckLayerAvailability",
                                        "ecr:BatchGetImage",
                                        "ecr:GetDownloadUrlForLayer"),
                                List.of(arns.inAnyAccount("ecr", "repository/*")))
                        .build());
        // Resource "*": GetAuthorizationToken has no resource type; IAM accepts only "*" for it.
        role.addToPolicy(
                PolicyStatements.allow(
                                "GetRegistryToken",
                                List.of("ecr:GetAuthorizationToken"),
                                List.of("*"))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "WriteSageMakerLogs",
                                List.of(
                                        "logs:CreateLogGroup",
                                        "logs:CreateLogStream",
                                        "logs:DescribeLogStreams",
                                        "logs:PutLogEvents"),
                                List.of(
                                        arns.logGroup("/aws/sagemaker/*"),
                                        arns.logStreams("/aws/sagemaker/*", "*")))
                        .build());
        // Resource "*": PutMetricData has no resource type; the condition keeps it to
        // SageMaker's namespaces.
        role.addToPolicy(
                PolicyStatements.allow(
                                "PutSageMakerMetrics",
                                List.of("cloudwatch:PutMetricData"),
                                List.of("*"))
                        .conditions(
                                Map.of(
                                        "StringLike",
                                        Map.of("cloudwatch:namespace", "/aws/sagemaker/*")))
                        .build());
        ServiceRole.justifyWildcards(
                role,
                "Autopilot names its objects, jobs and log streams itself: object grants are"
                    + " limited to the bucket's training/, autopilot/ and models/ prefixes, jobs"
                    + " and logs to this account and region, alarms to the application's, images to"
                    + " SageMaker's repositories in this region; GetAuthorizationToken and"
                    + " PutMetricData accept only resource \"*\"");
    }
}
