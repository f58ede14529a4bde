package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataStackTest {
    private static final Template T = Synthesized.DEFAULT.dataTemplate;

    @Test
    void createsExactlyTheDataResources() {
        T.resourceCountIs("AWS::Kinesis::Stream", 3);
        T.resourceCountIs("AWS::S3::Bucket", 1);
        T.resourceCountIs("AWS::S3::BucketPolicy", 1);
        T.resourceCountIs("AWS::IoT::TopicRule", 1);
        T.resourceCountIs("AWS::IAM::Role", 2);
        T.resourceCountIs("AWS::IAM::Policy", 2);
        T.resourceCountIs("AWS::IAM::ManagedPolicy", 1);
        T.resourceCountIs("AWS::Logs::LogGroup", 1);
        assertThat(T.toJSON().get("Resources")).asInstanceOf(MAP).hasSize(12);
    }

    @Test
    void streamsAreNamedAsTheJobDefaultsEncryptedAndSized() {
        for (String name :
                List.of("occupancy-readings", "occupancy-results", "occupancy-dead-letters")) {
            T.hasResource(
                    "AWS::Kinesis::Stream",
                    Map.of(
                            "Properties",
                            Map.of(
                                    "Name",
                                    name,
                                    "ShardCount",
                                    1,
                                    "RetentionPeriodHours",
                                    24,
                                    "StreamModeDetails",
                                    Map.of("StreamMode", "PROVISIONED"),
                                    "StreamEncryption",
                                    Map.of(
                                            "EncryptionType", "KMS",
                                            "KeyId", "alias/aws/kinesis")),
                            "DeletionPolicy",
                            "Delete"));
        }
    }

    @Test
    void shardsAndRetentionComeFromContext() {
        Template t =
                new Synthesized(Map.of("shardsPerStream", "4", "streamRetentionHours", "48"))
                        .dataTemplate;
        t.resourcePropertiesCountIs(
                "AWS::Kinesis::Stream", Map.of("ShardCount", 4, "RetentionPeriodHours", 48), 3);
    }

    @Test
    void bucketIsEncryptedPrivateRetainedAndExpiresOldTrainingSets() {
        T.hasResource(
                "AWS::S3::Bucket",
                Map.of(
                        "Properties",
                        Map.of(
                                "BucketName", Synthesized.BUCKET,
                                "BucketEncryption",
                                        Map.of(
                                                "ServerSideEncryptionConfiguration",
                                                List.of(
                                                        Map.of(
                                                                "ServerSideEncryptionByDefault",
                                                                Map.of("SSEAlgorithm", "AES256")))),
                                "PublicAccessBlockConfiguration",
                                        Map.of(
                                                "BlockPublicAcls", true,
                                                "BlockPublicPolicy", true,
                                                "IgnorePublicAcls", true,
                                                "RestrictPublicBuckets", true),
                                "OwnershipControls",
                                        Map.of(
                                                "Rules",
                                                List.of(
                                                        Map.of(
                                                                "ObjectOwnership",
                                                                "BucketOwnerEnforced"))),
                                "LifecycleConfiguration",
                                        Map.of(
                                                "Rules",
                                                List.of(
                                                        Map.of(
                                                                "Id", "ExpireOldTrainingSets",
                                                                "Prefix", "training/",
                                                                "ExpirationInDays", 365,
                                                                "Status", "Enabled"),
                                                        Map.of(
                                                                "Id", "AbortIncompleteUploads",
                                                                "AbortIncompleteMultipartUpload",
                                                                        Map.of(
                                                                                "DaysAfterInitiation",
                                                                                7),
                                                                "Status", "Enabled")))),
                        "DeletionPolicy",
                        "Retain"));
    }

    @Test
    void trainingExpiryAndBucketNameComeFromContext() {
        Template t =
                new Synthesized(Map.of("trainingExpiryDays", "30", "bucketName", "my-bucket"))
                        .dataTemplate;
        t.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "BucketName",
                        "my-bucket",
                        "LifecycleConfiguration",
                        Map.of(
                                "Rules",
                                Match.arrayWith(
                                        List.of(
                                                Match.objectLike(
                                                        Map.of(
                                                                "Prefix",
                                                                "training/",
                                                                "ExpirationInDays",
                                                                30)))))));
    }

    @Test
    void iotRuleSendsReportedShadowDocumentsAsReadingsKeyedByThing() {
        String role =
                "${"
                        + Synthesized.DEFAULT.data.getLogicalId(
                                (CfnElement)
                                        Synthesized.DEFAULT
                                                .data
                                                .rule
                                                .role
                                                .getNode()
                                                .getDefaultChild())
                        + ".Arn}";
        Map<String, Object> payload = rulePayload();
        // What the SQL forwards is ShadowReadingsRuleTest's.
        assertThat(IamStatements.text(payload.get("Sql"))).isEqualTo(ShadowReadingsRule.sql(role));
        assertThat(payload.get("AwsIotSqlVersion")).isEqualTo("2016-03-23");
        assertThat(payload.get("RuleDisabled")).isEqualTo(false);
        assertThat(text(payload.get("Actions")))
                .isEqualTo(
                        List.of(
                                Map.of(
                                        "Kinesis",
                                        Map.of(
                                                "StreamName", "occupancy-readings",
                                                "PartitionKey", "${topic(3)}",
                                                "RoleArn", role))));
        assertThat(text(payload.get("ErrorAction")))
                .isEqualTo(
                        Map.of(
                                "CloudwatchLogs",
                                Map.of(
                                        "LogGroupName",
                                        "/occupancy-stream/iot-rule-errors",
                                        "RoleArn",
                                        role)));
        T.hasResourceProperties(
                "AWS::IoT::TopicRule", Map.of("RuleName", "occupancy_stream_shadow_readings"));
        T.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of("LogGroupName", "/occupancy-stream/iot-rule-errors", "RetentionInDays", 30));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rulePayload() {
        Map<String, Object> rule =
                (Map<String, Object>)
                        T.findResources("AWS::IoT::TopicRule").values().iterator().next();
        return (Map<String, Object>)
                ((Map<String, Object>) rule.get("Properties")).get("TopicRulePayload");
    }

    /** The value with role ARNs and other intrinsics as text, for exact comparison. */
    @SuppressWarnings("unchecked")
    private static Object text(Object value) {
        if (value instanceof List) {
            return ((List<Object>) value)
                    .stream().map(DataStackTest::text).collect(Collectors.toList());
        }
        if (value instanceof Map) {
            Map<String, Object> map = (Map<String, Object>) value;
            if (map.containsKey("Fn::GetAtt") || map.containsKey("Ref")) {
                return IamStatements.text(map);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, text(v)));
            return out;
        }
        return value;
    }
}
