package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.config.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ApplicationStackTest {
    private static final Template T = Synthesized.DEFAULT.applicationTemplate;
    private static final String S3 = "s3://" + Synthesized.BUCKET;
    private static final Map<String, String> APPLICATION =
            Map.of("Name", "Application", "Value", "occupancy-stream");

    /**
     * What the job writes through Flink's Hadoop S3 file system (FileSink), as AWS's sample does.
     */
    private static final String S3A = "s3a://" + Synthesized.BUCKET;

    @Test
    void createsExactlyTheApplicationResources() {
        T.resourceCountIs("AWS::KinesisAnalyticsV2::Application", 1);
        T.resourceCountIs("AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption", 1);
        T.resourceCountIs("AWS::IAM::Role", 1);
        T.resourceCountIs("AWS::IAM::Policy", 1);
        T.resourceCountIs("AWS::Logs::LogGroup", 1);
        T.resourceCountIs("AWS::Logs::LogStream", 1);
        T.resourceCountIs("AWS::CloudWatch::Alarm", 5);
        T.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }

    @Test
    void runsTheJarFromTheBucketOnFlink119WithCheckpointsAndAutoscaling() {
        T.hasResourceProperties(
                "AWS::KinesisAnalyticsV2::Application",
                Map.of(
                        "ApplicationName", "occupancy-stream",
                        "RuntimeEnvironment", "FLINK-1_19",
                        "ApplicationConfiguration",
                                Match.objectLike(
                                        Map.of(
                                                "ApplicationCodeConfiguration",
                                                Map.of(
                                                        "CodeContentType",
                                                        "ZIPFILE",
                                                        "CodeContent",
                                                        Map.of(
                                                                "S3ContentLocation",
                                                                Map.of(
                                                                        "BucketARN",
                                                                        Match.anyValue(),
                                                                        "FileKey",
                                                                        "artifacts/job-0.1.0-SNAPSHOT-msf.jar"))),
                                                "ApplicationSnapshotConfiguration",
                                                Map.of("SnapshotsEnabled", true),
                                                "FlinkApplicationConfiguration",
                                                Map.of(
                                                        "CheckpointConfiguration",
                                                        Map.of(
                                                                "ConfigurationType",
                                                                "CUSTOM",
                                                                "CheckpointingEnabled",
                                                                true,
                                                                "CheckpointInterval",
                                                                60000,
                                                                "MinPauseBetweenCheckpoints",
                                                                5000),
                                                        "ParallelismConfiguration",
                                                        Map.of(
                                                                "ConfigurationType",
                                                                "CUSTOM",
                                                                "Parallelism",
                                                                1,
                                                                "ParallelismPerKPU",
                                                                1,
                                                                "AutoScalingEnabled",
                                                                true),
                                                        "MonitoringConfiguration",
                                                        Map.of(
                                                                "ConfigurationType", "CUSTOM",
                                                                "MetricsLevel", "APPLICATION",
                                                                "LogLevel", "INFO"))))));
        assertThat(
                        IamStatements.text(
                                property(
                                        T,
                                        "AWS::KinesisAnalyticsV2::Application",
                                        "ApplicationConfiguration",
                                        "ApplicationCodeConfiguration",
                                        "CodeContent",
                                        "S3ContentLocation",
                                        "BucketARN")))
                .isEqualTo("arn:${AWS::Partition}:s3:::" + Synthesized.BUCKET);
    }

    @Test
    void contextSetsJarCheckpointIntervalAndParallelism() {
        Template t =
                new Synthesized(
                                Map.of(
                                        "jarKey", "jars/job.jar",
                                        "checkpointIntervalSeconds", "30",
                                        "parallelism", "4",
                                        "parallelismPerKpu", "2",
                                        "autoScaling", "false"))
                        .applicationTemplate;
        Map<String, Map<String, String>> groups = propertyGroups(t);
        assertThat(groups.get("job")).containsEntry("checkpoint-interval", "30 s");
        t.hasResourceProperties(
                "AWS::KinesisAnalyticsV2::Application",
                Match.objectLike(
                        Map.of(
                                "ApplicationConfiguration",
                                Match.objectLike(
                                        Map.of(
                                                "FlinkApplicationConfiguration",
                                                Match.objectLike(
                                                        Map.of(
                                                                "CheckpointConfiguration",
                                                                Match.objectLike(
                                                                        Map.of(
                                                                                "CheckpointInterval",
                                                                                30000)),
                                                                "ParallelismConfiguration",
                                                                Match.objectLike(
                                                                        Map.of(
                                                                                "Parallelism", 4,
                                                                                "ParallelismPerKPU",
                                                                                        2,
                                                                                "AutoScalingEnabled",
                                                                                        false)))))))));
        assertThat(t.toJSON().toString()).contains("FileKey=jars/job.jar");
    }

    @Test
    void propertyGroupsAreTheJobsSettingsWithTheLiveValues() {
        Map<String, Map<String, String>> groups = propertyGroups(T);
        assertThat(groups.keySet())
                .containsExactly(
                        "source",
                        "kinesis",
                        "validation",
                        "dedup",
                        "training",
                        "scoring",
                        "rooms",
                        "output",
                        "shadow",
                        "job");
        Map<String, String> live = new LinkedHashMap<>();
        live.put("source.type", "kinesis");
        live.put("kinesis.region", "eu-west-1");
        live.put("kinesis.input-stream", "occupancy-readings");
        live.put("kinesis.results-stream", "occupancy-results");
        live.put("kinesis.dead-letter-stream", "occupancy-dead-letters");
        live.put("training.path", S3A + "/training");
        live.put("scoring.scorer", "endpoint");
        live.put("scoring.model.path", S3 + "/models/current");
        live.put("scoring.endpoint.name", "roomOccupancyEndpoint");
        live.put("output.path", S3A + "/job");
        live.put("output.results", "kinesis");
        live.put("output.dead-letters", "kinesis");
        live.put("job.checkpoint-interval", "60 s");
        for (Setting<?> key : JobSettings.ALL.all()) {
            String value = groups.get(key.group()).get(key.key());
            if (live.containsKey(key.qualifiedName())) {
                assertThat(value).as(key.qualifiedName()).isEqualTo(live.get(key.qualifiedName()));
            } else if (key.defaultValue().isEmpty()) {
                assertThat(value).as(key.qualifiedName()).isNull();
            } else {
                assertThat(value).as(key.qualifiedName()).isEqualTo(key.defaultValue());
            }
        }
        int keys = groups.values().stream().mapToInt(Map::size).sum();
        long nonEmptyOrLive =
                JobSettings.ALL.all().stream()
                        .filter(
                                k ->
                                        !k.defaultValue().isEmpty()
                                                || live.containsKey(k.qualifiedName()))
                        .count();
        assertThat(keys).isEqualTo(nonEmptyOrLive);
    }

    @Test
    void logsToItsOwnLogStream() {
        T.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of(
                        "LogGroupName",
                        "/aws/kinesis-analytics/occupancy-stream",
                        "RetentionInDays",
                        30));
        T.hasResourceProperties("AWS::Logs::LogStream", Map.of("LogStreamName", "application"));
        Object option =
                property(
                        T,
                        "AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption",
                        "CloudWatchLoggingOption",
                        "LogStreamARN");
        assertThat(IamStatements.text(option))
                .isEqualTo(
                        "arn:${AWS::Partition}:logs:eu-west-1:123456789012:log-group:"
                                + "/aws/kinesis-analytics/occupancy-stream:log-stream:"
                                + "application");
        assertThat(
                        IamStatements.text(
                                property(
                                        T,
                                        "AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption",
                                        "ApplicationName")))
                .isEqualTo("${" + logicalIdOfApplication() + "}");
    }

    /**
     * "Use CloudWatch Alarms with Amazon Managed Service for Apache Flink",
     * https://docs.aws.amazon.com/managed-flink/latest/java/monitoring-metrics-alarms.html,
     * recommends RATE(numberOfFailedCheckpoints) &gt; 0 with statistic Average and threshold 0: the
     * metric counts failures since the application started.
     */
    @Test
    void failedCheckpointAlarmWatchesTheRateOfMsfsFailedCheckpointCount() {
        T.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "AlarmName",
                        "occupancy-stream-failed-checkpoints",
                        "Threshold",
                        0,
                        "ComparisonOperator",
                        "GreaterThanThreshold",
                        "EvaluationPeriods",
                        1,
                        "TreatMissingData",
                        "notBreaching",
                        "Metrics",
                        List.of(
                                Map.of(
                                        "Id", "expr_1",
                                        "Expression", "RATE(failedCheckpoints)",
                                        "ReturnData", true),
                                metric(
                                        "failedCheckpoints",
                                        "AWS/KinesisAnalytics",
                                        "numberOfFailedCheckpoints",
                                        APPLICATION,
                                        "Average"))));
    }

    @Test
    void alarmsWatchDowntimeFallbacksDeadLettersAndModelLatency() {
        Map<String, String> app = APPLICATION;
        T.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "AlarmName", "occupancy-stream-downtime",
                        "Namespace", "AWS/KinesisAnalytics",
                        "MetricName", "downtime",
                        "Dimensions", List.of(app),
                        "Statistic", "Maximum",
                        "Threshold", 0,
                        "ComparisonOperator", "GreaterThanThreshold",
                        "TreatMissingData", "notBreaching"));
        T.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "AlarmName",
                        "occupancy-stream-fallback-rate",
                        "Threshold",
                        0.05,
                        "Metrics",
                        List.of(
                                Map.of(
                                        "Id", "expr_1",
                                        "Expression", "IF(results > 0, fallback / results, 0)",
                                        "ReturnData", true),
                                sum("rule", "AWS/KinesisAnalytics", "resultsRulePerSecond", app),
                                sum("model", "AWS/KinesisAnalytics", "resultsModelPerSecond", app),
                                sum(
                                        "fallback",
                                        "AWS/KinesisAnalytics",
                                        "resultsFallbackPerSecond",
                                        app),
                                Map.of(
                                        "Id", "results",
                                        "Expression", "rule + model + fallback",
                                        "ReturnData", false))));
        T.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "AlarmName",
                        "occupancy-stream-dead-letter-rate",
                        "Threshold",
                        0.01,
                        "Metrics",
                        List.of(
                                Map.of(
                                        "Id", "expr_1",
                                        "Expression", "deadLetters / readings",
                                        "ReturnData", true),
                                sum(
                                        "deadLetters",
                                        "AWS/Kinesis",
                                        "IncomingRecords",
                                        Map.of(
                                                "Name", "StreamName",
                                                "Value", "occupancy-dead-letters")),
                                sum(
                                        "readings",
                                        "AWS/Kinesis",
                                        "IncomingRecords",
                                        Map.of(
                                                "Name", "StreamName",
                                                "Value", "occupancy-readings")))));
        T.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "AlarmName", "occupancy-stream-model-latency",
                        "Namespace", "AWS/SageMaker",
                        "MetricName", "ModelLatency",
                        "Dimensions",
                                Match.arrayEquals(
                                        List.of(
                                                Map.of(
                                                        "Name", "EndpointName",
                                                        "Value", "roomOccupancyEndpoint"),
                                                Map.of(
                                                        "Name", "VariantName",
                                                        "Value", "AllTraffic"))),
                        "ExtendedStatistic", "p99",
                        "Threshold", 500000));
    }

    private static Map<String, Object> sum(
            String id, String namespace, String metric, Map<String, String> dimension) {
        return metric(id, namespace, metric, dimension, "Sum");
    }

    /** An alarm's metric-math input: one metric, not returned, over the 5-minute period. */
    private static Map<String, Object> metric(
            String id,
            String namespace,
            String metric,
            Map<String, String> dimension,
            String statistic) {
        return Map.of(
                "Id",
                id,
                "ReturnData",
                false,
                "MetricStat",
                Map.of(
                        "Metric",
                        Map.of(
                                "Namespace",
                                namespace,
                                "MetricName",
                                metric,
                                "Dimensions",
                                List.of(dimension)),
                        "Period",
                        300,
                        "Stat",
                        statistic));
    }

    /** A property of the template's one resource of the type, by its path. */
    @SuppressWarnings("unchecked")
    private static Object property(Template template, String type, String... path) {
        Object value =
                ((Map<String, Object>) template.findResources(type).values().iterator().next())
                        .get("Properties");
        for (String name : path) {
            value = ((Map<String, Object>) value).get(name);
        }
        return value;
    }

    private static String logicalIdOfApplication() {
        return Synthesized.DEFAULT.application.getLogicalId(
                Synthesized.DEFAULT.application.application.application);
    }

    /** The application's property groups with intrinsics written out as text. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, String>> propertyGroups(Template template) {
        Map<String, Object> app =
                (Map<String, Object>)
                        template.findResources("AWS::KinesisAnalyticsV2::Application")
                                .values()
                                .iterator()
                                .next();
        Map<String, Object> config =
                (Map<String, Object>)
                        ((Map<String, Object>) app.get("Properties"))
                                .get("ApplicationConfiguration");
        List<Map<String, Object>> groups =
                (List<Map<String, Object>>)
                        ((Map<String, Object>) config.get("EnvironmentProperties"))
                                .get("PropertyGroups");
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (Map<String, Object> group : groups) {
            Map<String, Object> properties = (Map<String, Object>) group.get("PropertyMap");
            result.put(
                    (String) group.get("PropertyGroupId"),
                    properties.entrySet().stream()
                            .collect(
                                    Collectors.toMap(
                                            Map.Entry::getKey,
                                            e -> IamStatements.text(e.getValue()),
                                            (a, b) -> a,
                                            LinkedHashMap::new)));
        }
        return result;
    }
}
