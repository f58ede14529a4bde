package io.occupancystream.deploy;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.occupancystream.modelops.retraining.RetrainingEnvironment;
import io.occupancystream.modelops.sagemaker.PromotionOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The retraining state machine's Lambda function: model-ops' {@code RetrainingHandler} on Java 17,
 * its jar from the data bucket, its settings in the environment. Its role may do what the steps do
 * and no more: read the training sets, write the model card, start and describe this retraining's
 * Autopilot jobs, read the serving model's tags, register and create models and endpoint configs
 * named after those jobs, create or update the one endpoint, and pass the SageMaker role to
 * SageMaker.
 */
final class RetrainingFunction extends Construct {
    static final String HANDLER =
            "io.occupancystream.modelops.retraining.RetrainingHandler::handleRequest";

    /** Names of the jobs, models and endpoint configs a retraining creates. */
    static final String RETRAINING_NAMES = "occupancy-retrain-*";

    final Role role;
    final Function function;

    RetrainingFunction(
            Construct scope,
            String id,
            DeploySettings settings,
            String bucket,
            String sageMakerRoleArn,
            List<String> rollbackAlarms,
            Duration endpointMaxWait) {
        super(scope, id);
        Arns arns = new Arns(Stack.of(this));
        String name = settings.applicationName + "-retraining";
        String logGroup = "/aws/lambda/" + name;
        LogGroup logs = DeploymentLogs.group(this, "Logs", logGroup);
        role =
                ServiceRole.create(
                        this,
                        "lambda.amazonaws.com",
                        "The occupancy-stream retraining steps run as it");
        role.addToPolicy(
                PolicyStatements.allow(
                                "WriteFunctionLog",
                                List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                List.of(arns.logStreams(logGroup, "*")))
                        .build());
        role.addToPolicy(
                PolicyStatements.listUnder(
                        "ListTrainingSets", arns.bucket(bucket), DataBucket.TRAINING));
        role.addToPolicy(
                PolicyStatements.allow(
                                "ReadTrainingSets",
                                List.of("s3:GetObject"),
                                List.of(arns.objects(bucket, DataBucket.TRAINING + "/*")))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "PublishModelCard",
                                List.of("s3:PutObject"),
                                List.of(
                                        arns.objects(
                                                bucket, DataBucket.CURRENT_MODEL + "/model.json")))
                        .build());
        role.addToPolicy(SageMakerStatements.stageAutopilotInput(arns, bucket));
        role.addToPolicy(
                PolicyStatements.allow(
                                "RunAutopilot",
                                List.of(
                                        "sagemaker:CreateAutoMLJobV2",
                                        "sagemaker:DescribeAutoMLJobV2"),
                                List.of(arns.sageMaker("automl-job", RETRAINING_NAMES)))
                        .build());
        // The champion may have been deployed by hand under any name.
        role.addToPolicy(
                PolicyStatements.allow(
                                "ReadTheServingModel",
                                List.of(
                                        "sagemaker:DescribeEndpointConfig",
                                        "sagemaker:DescribeModel",
                                        "sagemaker:ListTags"),
                                List.of(
                                        arns.sageMaker("endpoint-config", "*"),
                                        arns.sageMaker("model", "*")))
                        .build());
        role.addToPolicy(SageMakerStatements.registerModelPackages(arns));
        // CreateModel with tags also needs AddTags.
        role.addToPolicy(
                PolicyStatements.allow(
                                "CreateTaggedModelsAndConfigs",
                                List.of(
                                        "sagemaker:AddTags",
                                        "sagemaker:CreateEndpointConfig",
                                        "sagemaker:CreateModel"),
                                List.of(
                                        arns.sageMaker("model", RETRAINING_NAMES),
                                        arns.sageMaker("endpoint-config", RETRAINING_NAMES)))
                        .build());
        role.addToPolicy(
                SageMakerStatements.deployToTheEndpoint(
                        arns, settings.endpointName, RETRAINING_NAMES));
        role.addToPolicy(SageMakerStatements.passSageMakerRole(sageMakerRoleArn));
        ServiceRole.justifyWildcards(
                role,
                "Autopilot jobs, models and endpoint configs are named after each retraining"
                        + " (occupancy-retrain-*); the serving model may have any name; training"
                        + " sets are read by prefix; log streams only in the function's group");
        function =
                Function.Builder.create(this, "Function")
                        .functionName(name)
                        .description("Steps of the occupancy-stream retraining state machine")
                        .runtime(Runtime.JAVA_17)
                        .handler(HANDLER)
                        .code(
                                Code.fromBucket(
                                        Bucket.fromBucketName(this, "Bucket", bucket),
                                        settings.retrainingJarKey))
                        .role(role)
                        // The row count reads every training set into memory.
                        .memorySize(2048)
                        .ephemeralStorageSize(Size.mebibytes(2048))
                        .timeout(Duration.minutes(5))
                        .logGroup(logs)
                        .environment(
                                environment(
                                        settings,
                                        bucket,
                                        sageMakerRoleArn,
                                        rollbackAlarms,
                                        endpointMaxWait))
                        .build();
        // Creating the function checks that the role may write its logs.
        function.getNode().addDependency(role);
        NagSuppressions.addResourceSuppressions(
                function,
                List.of(
                        NagPackSuppression.builder()
                                .id("AwsSolutions-L1")
                                .reason(
                                        "model-ops is compiled for Java 11 and tested on JDK 17,"
                                                + " the runtime chosen; a newer one is untested")
                                .build()));
    }

    private static Map<String, String> environment(
            DeploySettings settings,
            String bucket,
            String sageMakerRoleArn,
            List<String> rollbackAlarms,
            Duration endpointMaxWait) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                RetrainingEnvironment.TRAINING_DATA.name(),
                "s3://" + bucket + "/" + DataBucket.TRAINING);
        env.put(
                RetrainingEnvironment.MODEL_CARD.name(),
                "s3://" + bucket + "/" + DataBucket.CURRENT_MODEL);
        env.put(RetrainingEnvironment.SAGEMAKER_ROLE_ARN.name(), sageMakerRoleArn);
        env.put(RetrainingEnvironment.ENDPOINT_NAME.name(), settings.endpointName);
        env.put(RetrainingEnvironment.ENDPOINT_INSTANCE_TYPE.name(), settings.retrainInstanceType);
        env.put(RetrainingEnvironment.ENDPOINT_INSTANCE_COUNT.name(), "1");
        env.put(RetrainingEnvironment.PACKAGE_GROUP.name(), PromotionOptions.DEFAULT_PACKAGE_GROUP);
        env.put(
                RetrainingEnvironment.MIN_NEW_ROWS.name(),
                Integer.toString(settings.retrainMinNewRows));
        env.put(
                RetrainingEnvironment.MAX_CANDIDATES.name(),
                Integer.toString(settings.retrainMaxCandidates));
        env.put(RetrainingEnvironment.ROLLBACK_ALARMS.name(), String.join(",", rollbackAlarms));
        env.put(
                RetrainingEnvironment.ENDPOINT_MAX_WAIT.name(),
                java.time.Duration.ofSeconds(endpointMaxWait.toSeconds().longValue()).toString());
        return env;
    }
}
