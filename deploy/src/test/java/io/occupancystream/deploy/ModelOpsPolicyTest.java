package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.occupancystream.deploy.IamStatements.Statement;
import io.occupancystream.modelops.sagemaker.SageMakerCalls;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

class ModelOpsPolicyTest {
    private static final Synthesized S = Synthesized.DEFAULT;
    private static final String BUCKET_ARN = "arn:${AWS::Partition}:s3:::" + Synthesized.BUCKET;
    private static final String SAGEMAKER =
            "arn:${AWS::Partition}:sagemaker:eu-west-1:123456789012:";

    @Test
    void operatorMayRunAutopilotRegisterAndDeployToTheOneEndpointOnly() {
        String role = "${" + logicalId(S.data.sageMaker.role) + ".Arn}";
        assertThat(statements())
                .extracting(s -> s.sid, s -> s.actions, s -> s.resources)
                .containsExactly(
                        tuple("ListTrainingSets", List.of("s3:ListBucket"), List.of(BUCKET_ARN)),
                        tuple(
                                "ReadTrainingSets",
                                List.of("s3:GetObject"),
                                List.of(BUCKET_ARN + "/training/*")),
                        tuple(
                                "UploadModelsAndCards",
                                List.of("s3:PutObject"),
                                List.of(BUCKET_ARN + "/models/*")),
                        tuple(
                                "StageAutopilotInput",
                                List.of("s3:PutObject"),
                                List.of(BUCKET_ARN + "/autopilot/*/input/*")),
                        tuple(
                                "RunAutopilot",
                                List.of(
                                        "sagemaker:CreateAutoMLJobV2",
                                        "sagemaker:DescribeAutoMLJobV2",
                                        "sagemaker:ListCandidatesForAutoMLJob"),
                                List.of(SAGEMAKER + "automl-job/*")),
                        tuple(
                                "RegisterModelPackages",
                                List.of(
                                        "sagemaker:CreateModelPackage",
                                        "sagemaker:CreateModelPackageGroup",
                                        "sagemaker:DescribeModelPackageGroup"),
                                List.of(
                                        SAGEMAKER + "model-package-group/occupancy-stream-models",
                                        SAGEMAKER + "model-package/occupancy-stream-models/*")),
                        tuple(
                                "CreateTaggedModels",
                                List.of(
                                        "sagemaker:AddTags",
                                        "sagemaker:CreateModel",
                                        "sagemaker:DescribeModel",
                                        "sagemaker:ListTags"),
                                List.of(SAGEMAKER + "model/*")),
                        tuple(
                                "CreateEndpointConfigs",
                                List.of(
                                        "sagemaker:CreateEndpointConfig",
                                        "sagemaker:DescribeEndpointConfig"),
                                List.of(SAGEMAKER + "endpoint-config/*")),
                        tuple(
                                "DeployToTheEndpoint",
                                List.of(
                                        "sagemaker:CreateEndpoint",
                                        "sagemaker:DescribeEndpoint",
                                        "sagemaker:UpdateEndpoint"),
                                List.of(
                                        SAGEMAKER + "endpoint/roomoccupancyendpoint",
                                        SAGEMAKER + "endpoint-config/*")),
                        tuple("PassSageMakerRole", List.of("iam:PassRole"), List.of(role)));
        assertThat(sid("ListTrainingSets").condition)
                .isEqualTo(
                        Map.of(
                                "StringLike",
                                Map.of("s3:prefix", List.of("training", "training/*"))));
        assertThat(sid("PassSageMakerRole").condition)
                .isEqualTo(
                        Map.of(
                                "StringEquals",
                                Map.of("iam:PassedToService", "sagemaker.amazonaws.com")));
    }

    @Test
    void everySageMakerCallOfModelOpsIsAllowedAndNothingElseButAddTags() {
        List<String> allowed =
                statements().stream()
                        .flatMap(s -> s.actions.stream())
                        .filter(a -> a.startsWith("sagemaker:"))
                        .map(a -> a.substring("sagemaker:".length()))
                        .collect(Collectors.toList());
        // AddTags is no call of its own: SageMaker authorizes the tags of CreateModel with it.
        assertThat(allowed)
                .containsExactlyInAnyOrderElementsOf(
                        concat(SageMakerCalls.OPERATIONS, List.of("AddTags")));
    }

    @Test
    void policyIsNamedAndItsArnIsAnOutput() {
        String policy = logicalId(S.data.modelOps.policy);
        S.dataTemplate.hasResourceProperties(
                "AWS::IAM::ManagedPolicy",
                Map.of("ManagedPolicyName", "occupancy-stream-model-ops"));
        S.dataTemplate.hasOutput("ModelOpsPolicyArn", Map.of("Value", Map.of("Ref", policy)));
    }

    private static List<String> concat(java.util.Collection<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Statement> statements() {
        return IamStatements.ofPolicy(S.dataTemplate, logicalId(S.data.modelOps.policy));
    }

    private static Statement sid(String sid) {
        return statements().stream().filter(s -> sid.equals(s.sid)).findFirst().orElseThrow();
    }

    private static String logicalId(Construct construct) {
        return Stack.of(construct).getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }
}
