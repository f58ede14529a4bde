package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.occupancystream.deploy.IamStatements.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

class IamPolicyTest {
    private static final Synthesized S = Synthesized.DEFAULT;
    private static final String REGIONAL = ":eu-west-1:123456789012:";
    private static final String BUCKET_ARN = "arn:${AWS::Partition}:s3:::" + Synthesized.BUCKET;

    @Test
    void flinkRoleReadsInputWritesOutputsAndInvokesOnlyTheNamedEndpoint() {
        assertThat(statementsOf(S.applicationTemplate, S.application.role.role))
                .extracting(s -> s.sid, s -> s.actions, s -> s.resources)
                .containsExactly(
                        tuple(
                                "ReadInputStream",
                                List.of(
                                        "kinesis:DescribeStream",
                                        "kinesis:DescribeStreamSummary",
                                        "kinesis:GetRecords",
                                        "kinesis:GetShardIterator",
                                        "kinesis:ListShards"),
                                List.of(arn("kinesis", "stream/occupancy-readings"))),
                        tuple(
                                "WriteOutputStreams",
                                List.of("kinesis:PutRecord", "kinesis:PutRecords"),
                                List.of(
                                        arn("kinesis", "stream/occupancy-results"),
                                        arn("kinesis", "stream/occupancy-dead-letters"))),
                        tuple("ListOutputPrefixes", List.of("s3:ListBucket"), List.of(BUCKET_ARN)),
                        tuple(
                                "WriteTrainingSetsAndFiles",
                                List.of(
                                        "s3:AbortMultipartUpload",
                                        "s3:DeleteObject",
                                        "s3:GetObject",
                                        "s3:ListMultipartUploadParts",
                                        "s3:PutObject"),
                                List.of(BUCKET_ARN + "/training/*", BUCKET_ARN + "/job/*")),
                        tuple("ListModelCard", List.of("s3:ListBucket"), List.of(BUCKET_ARN)),
                        tuple(
                                "ReadModelCard",
                                List.of("s3:GetObject"),
                                List.of(BUCKET_ARN + "/models/current/*")),
                        tuple(
                                "ReadApplicationJar",
                                List.of("s3:GetObject", "s3:GetObjectVersion"),
                                List.of(BUCKET_ARN + "/artifacts/job-0.1.0-SNAPSHOT-msf.jar")),
                        tuple(
                                "InvokeEndpoint",
                                List.of("sagemaker:InvokeEndpoint"),
                                List.of(arn("sagemaker", "endpoint/roomoccupancyendpoint"))),
                        tuple(
                                "FindLogGroup",
                                List.of("logs:DescribeLogGroups"),
                                List.of(arn("logs", "log-group:*"))),
                        tuple(
                                "FindLogStream",
                                List.of("logs:DescribeLogStreams"),
                                List.of(
                                        arn(
                                                "logs",
                                                "log-group:/aws/kinesis-analytics/occupancy-stream"
                                                        + ":log-stream:*"))),
                        tuple(
                                "WriteApplicationLog",
                                List.of("logs:PutLogEvents"),
                                List.of(
                                        arn(
                                                "logs",
                                                "log-group:/aws/kinesis-analytics/occupancy-stream"
                                                        + ":log-stream:application"))));
        assertThat(sid(S.applicationTemplate, "ListOutputPrefixes").condition)
                .isEqualTo(
                        Map.of(
                                "StringLike",
                                Map.of(
                                        "s3:prefix",
                                        List.of("training", "training/*", "job", "job/*"))));
        assertThat(sid(S.applicationTemplate, "ListModelCard").condition)
                .isEqualTo(
                        Map.of(
                                "StringLike",
                                Map.of(
                                        "s3:prefix",
                                        List.of("models/current", "models/current/*"))));
    }

    @Test
    void shadowUpdatesAddOneStatementOnThingsOnlyWhenAnIotEndpointIsGiven() {
        Synthesized withShadows =
                new Synthesized(
                        Map.of("shadowEndpoint", "https://abc-ats.iot.eu-west-1.amazonaws.com"));
        List<Statement> statements =
                statementsOf(withShadows.applicationTemplate, withShadows.application.role.role);
        assertThat(statements.get(statements.size() - 1))
                .extracting(s -> s.sid, s -> s.actions, s -> s.resources)
                .containsExactly(
                        "UpdateThingShadows",
                        List.of("iot:UpdateThingShadow"),
                        List.of(arn("iot", "thing/*")));
        assertThat(IamStatements.of(S.applicationTemplate))
                .extracting(s -> s.sid)
                .doesNotContain("UpdateThingShadows");
    }

    /**
     * GetThingShadow authorizes on the thing ("Actions, resources, and condition keys for AWS IoT",
     * iot:GetThingShadow, resource type thing), so the reader gets that one action on the account's
     * things in the region, and the policy is a stack output to attach.
     */
    @Test
    void shadowReaderPolicyMayOnlyGetThingShadowsAndIsAnOutputWhenShadowsAreOn() {
        Synthesized withShadows =
                new Synthesized(
                        Map.of("shadowEndpoint", "https://abc-ats.iot.eu-west-1.amazonaws.com"));
        Template t = withShadows.applicationTemplate;
        String policy = logicalId(withShadows.application.shadowReader.policy);
        assertThat(IamStatements.ofPolicy(t, policy))
                .extracting(s -> s.sid, s -> s.effect, s -> s.actions, s -> s.resources)
                .containsExactly(
                        tuple(
                                "ReadThingShadows",
                                "Allow",
                                List.of("iot:GetThingShadow"),
                                List.of(arn("iot", "thing/*"))));
        t.hasResourceProperties(
                "AWS::IAM::ManagedPolicy",
                Match.objectLike(Map.of("ManagedPolicyName", "occupancy-stream-shadow-reader")));
        assertThat(
                        IamStatements.text(
                                t.findOutputs("ShadowReaderPolicyArn")
                                        .values()
                                        .iterator()
                                        .next()
                                        .get("Value")))
                .isEqualTo("${" + policy + "}");
        assertThat(S.application.shadowReader).isNull();
        S.applicationTemplate.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
        assertThat(S.applicationTemplate.findOutputs("ShadowReaderPolicyArn")).isEmpty();
    }

    @Test
    void iotRuleRoleMayReadThingsRoomsPutReadingsAndLogItsFailuresOnly() {
        // get_registry_data('DescribeThing', ..) calls DescribeThing with the rule's role.
        assertThat(statementsOf(S.dataTemplate, S.data.rule.role))
                .extracting(s -> s.sid, s -> s.actions, s -> s.resources)
                .containsExactly(
                        tuple(
                                "ReadThingRooms",
                                List.of("iot:DescribeThing"),
                                List.of(arn("iot", "thing/*"))),
                        tuple(
                                "PutReadings",
                                List.of("kinesis:PutRecord"),
                                List.of(arn("kinesis", "stream/occupancy-readings"))),
                        tuple(
                                "LogFailedMessages",
                                List.of(
                                        "logs:CreateLogStream",
                                        "logs:DescribeLogStreams",
                                        "logs:PutLogEvents"),
                                List.of(
                                        arn(
                                                "logs",
                                                "log-group:/occupancy-stream/iot-rule-errors"
                                                        + ":log-stream:*"))));
    }

    @Test
    void sageMakerRoleHasWhatAutopilotAndHostingNeed() {
        String self = "${" + logicalId(S.data.sageMaker.role) + ".Arn}";
        assertThat(statementsOf(S.dataTemplate, S.data.sageMaker.role))
                .extracting(s -> s.sid, s -> s.actions, s -> s.resources)
                .containsExactly(
                        tuple(
                                "ListTrainingAutopilotAndModelPrefixes",
                                List.of("s3:ListBucket"),
                                List.of(BUCKET_ARN)),
                        tuple(
                                "ReadTrainingSetsAndModels",
                                List.of("s3:GetObject"),
                                List.of(BUCKET_ARN + "/training/*", BUCKET_ARN + "/models/*")),
                        tuple(
                                "WriteAutopilotOutput",
                                List.of(
                                        "s3:GetObject",
                                        "s3:PutObject",
                                        "s3:DeleteObject",
                                        "s3:AbortMultipartUpload"),
                                List.of(BUCKET_ARN + "/autopilot/*")),
                        tuple(
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
                                        arn("sagemaker", "hyper-parameter-tuning-job/*"),
                                        arn("sagemaker", "processing-job/*"),
                                        arn("sagemaker", "training-job/*"),
                                        arn("sagemaker", "transform-job/*"))),
                        tuple("PassItselfToSageMaker", List.of("iam:PassRole"), List.of(self)),
                        tuple(
                                "ReadRollbackAlarms",
                                List.of("cloudwatch:DescribeAlarms"),
                                List.of(arn("cloudwatch", "alarm:occupancy-stream-*"))),
                        tuple(
                                "PullBuiltInImages",
                                List.of(
                                        "ecr:BatchCheckLayerAvailability",
                                        "ecr:BatchGetImage",
                                        "ecr:GetDownloadUrlForLayer"),
                                List.of("arn:${AWS::Partition}:ecr:eu-west-1:*:repository/*")),
                        tuple(
                                "GetRegistryToken",
                                List.of("ecr:GetAuthorizationToken"),
                                List.of("*")),
                        tuple(
                                "WriteSageMakerLogs",
                                List.of(
                                        "logs:CreateLogGroup",
                                        "logs:CreateLogStream",
                                        "logs:DescribeLogStreams",
                                        "logs:PutLogEvents"),
                                List.of(
                                        arn("logs", "log-group:/aws/sagemaker/*"),
                                        arn("logs", "log-group:/aws/sagemaker/*:log-stream:*"))),
                        tuple(
                                "PutSageMakerMetrics",
                                List.of("cloudwatch:PutMetricData"),
                                List.of("*")));
        assertThat(sid(S.dataTemplate, "PassItselfToSageMaker").condition)
                .isEqualTo(
                        Map.of(
                                "StringEquals",
                                Map.of("iam:PassedToService", "sagemaker.amazonaws.com")));
        assertThat(sid(S.dataTemplate, "PutSageMakerMetrics").condition)
                .isEqualTo(
                        Map.of("StringLike", Map.of("cloudwatch:namespace", "/aws/sagemaker/*")));
    }

    @Test
    void bucketPolicyOnlyDeniesRequestsWithoutTls() {
        List<Statement> bucketPolicy =
                IamStatements.of(S.dataTemplate).stream()
                        .filter(s -> s.policyType.equals("AWS::S3::BucketPolicy"))
                        .collect(Collectors.toList());
        String bucket = "${" + logicalId(S.data.data.bucket) + ".Arn}";
        assertThat(bucketPolicy)
                .extracting(s -> s.effect, s -> s.actions, s -> s.resources, s -> s.condition)
                .containsExactly(
                        tuple(
                                "Deny",
                                List.of("s3:*"),
                                List.of(bucket, bucket + "/*"),
                                Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
    }

    @Test
    void noStatementAllowsEveryActionAndOnlyTwoNeedEveryResource() {
        List<Statement> all = everyStatement();
        assertThat(all).hasSize(35);
        assertThat(all).allSatisfy(s -> assertThat(s.actions).doesNotContain("*"));
        assertThat(all)
                .filteredOn(s -> s.resources.contains("*"))
                .extracting(s -> s.sid)
                .containsExactly("GetRegistryToken", "PutSageMakerMetrics");
    }

    @Test
    void eachRoleIsAssumedByItsOneServiceAndHasNoManagedPolicy() {
        assertThat(trust(S.applicationTemplate)).containsExactly("kinesisanalytics.amazonaws.com");
        assertThat(trust(S.dataTemplate))
                .containsExactlyInAnyOrder("iot.amazonaws.com", "sagemaker.amazonaws.com");
        S.dataTemplate.resourcePropertiesCountIs(
                "AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.anyValue()), 0);
        S.applicationTemplate.resourcePropertiesCountIs(
                "AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.anyValue()), 0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> trust(Template template) {
        return template.findResources("AWS::IAM::Role").values().stream()
                .map(r -> (Map<String, Object>) ((Map<String, Object>) r).get("Properties"))
                .map(p -> (Map<String, Object>) p.get("AssumeRolePolicyDocument"))
                .flatMap(d -> ((List<Map<String, Object>>) d.get("Statement")).stream())
                .map(st -> (String) ((Map<String, Object>) st.get("Principal")).get("Service"))
                .collect(Collectors.toList());
    }

    private static List<Statement> everyStatement() {
        return Stream.concat(
                        IamStatements.of(S.dataTemplate).stream(),
                        IamStatements.of(S.applicationTemplate).stream())
                .collect(Collectors.toList());
    }

    private static Statement sid(Template template, String sid) {
        return IamStatements.of(template).stream()
                .filter(s -> sid.equals(s.sid))
                .findFirst()
                .orElseThrow();
    }

    private static List<Statement> statementsOf(Template template, Construct role) {
        return IamStatements.ofRole(template, logicalId(role));
    }

    private static String logicalId(Construct construct) {
        return Stack.of(construct).getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }

    private static String arn(String service, String resource) {
        return "arn:${AWS::Partition}:" + service + REGIONAL + resource;
    }
}
