package io.occupancystream.deploy;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * What the operator who runs {@code bin/model-ops autopilot|deploy-local-model|retrain} needs, as a
 * managed policy to attach to their user or role (or the task role of a scheduled retrain): read
 * the training sets, upload models and model cards under models/, start and follow Autopilot jobs,
 * register model packages in the default package group, create tagged models and endpoint configs,
 * create or update the one endpoint, read back the serving model's tags, and pass the SageMaker
 * role to SageMaker. Each SageMaker call the commands make ({@code SageMakerCalls}) is an action
 * here, and nothing else is.
 */
final class ModelOpsPolicy extends Construct {
    final ManagedPolicy policy;

    ModelOpsPolicy(
            Construct scope,
            String id,
            String bucket,
            Role sageMakerRole,
            DeploySettings settings) {
        super(scope, id);
        Arns arns = new Arns(Stack.of(this));
        policy =
                ManagedPolicy.Builder.create(this, "Policy")
                        .managedPolicyName(settings.applicationName + "-model-ops")
                        .description("Run bin/model-ops autopilot, deploy-local-model and retrain")
                        .statements(
                                List.of(
                                        PolicyStatements.listUnder(
                                                "ListTrainingSets",
                                                arns.bucket(bucket),
                                                DataBucket.TRAINING),
                                        PolicyStatements.allow(
                                                        "ReadTrainingSets",
                                                        List.of("s3:GetObject"),
                                                        List.of(
                                                                arns.objects(
                                                                        bucket,
                                                                        DataBucket.TRAINING
                                                                                + "/*")))
                                                .build(),
                                        PolicyStatements.allow(
                                                        "UploadModelsAndCards",
                                                        List.of("s3:PutObject"),
                                                        List.of(
                                                                arns.objects(
                                                                        bucket,
                                                                        DataBucket.MODELS + "/*")))
                                                .build(),
                                        SageMakerStatements.stageAutopilotInput(arns, bucket),
                                        PolicyStatements.allow(
                                                        "RunAutopilot",
                                                        List.of(
                                                                "sagemaker:CreateAutoMLJobV2",
                                                                "sagemaker:DescribeAutoMLJobV2",
                                                                "sagemaker:ListCandidatesForAutoMLJob"),
                                                        List.of(arns.sageMaker("automl-job", "*")))
                                                .build(),
                                        SageMakerStatements.registerModelPackages(arns),
                                        // CreateModel with tags also needs AddTags; the champion's
                                        // metric is read back from its tags.
                                        PolicyStatements.allow(
                                                        "CreateTaggedModels",
                                                        List.of(
                                                                "sagemaker:AddTags",
                                                                "sagemaker:CreateModel",
                                                                "sagemaker:DescribeModel",
                                                                "sagemaker:ListTags"),
                                                        List.of(arns.sageMaker("model", "*")))
                                                .build(),
                                        PolicyStatements.allow(
                                                        "CreateEndpointConfigs",
                                                        List.of(
                                                                "sagemaker:CreateEndpointConfig",
                                                                "sagemaker:DescribeEndpointConfig"),
                                                        List.of(
                                                                arns.sageMaker(
                                                                        "endpoint-config", "*")))
                                                .build(),
                                        SageMakerStatements.deployToTheEndpoint(
                                                arns, settings.endpointName, "*"),
                                        SageMakerStatements.passSageMakerRole(
                                                sageMakerRole.getRoleArn())))
                        .build();
        ServiceRole.justifyWildcards(
                policy,
                "model-ops names jobs, models and endpoint configs after each"
                        + " run and reads every training-set file: grants are"
                        + " limited to this account and region, the bucket's"
                        + " training/ and models/ prefixes, the one package"
                        + " group and the one endpoint");
    }
}
