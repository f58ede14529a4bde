package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.deploy.DashboardWidgets.MetricRef;
import io.occupancystream.job.metrics.CloudWatchNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class JobDashboardTest {
    private static final Template T = Synthesized.DEFAULT.applicationTemplate;
    private static final String APP = "Application=occupancy-stream";
    private static final String MSF = "AWS/KinesisAnalytics ";
    private static final String ENDPOINT =
            "AWS/SageMaker ModelLatency EndpointName=roomOccupancyEndpoint,VariantName=AllTraffic ";

    /**
     * MSF's own metrics on the dashboard, each published at the Application level with dimension
     * Application: "Metrics and dimensions in Managed Service for Apache Flink",
     * https://docs.aws.amazon.com/managed-flink/latest/java/metrics-dimensions.html (downtime,
     * lastCheckpointDuration, lastCheckpointSize, numberOfFailedCheckpoints: Level Application).
     */
    private static final Set<String> MSF_METRICS =
            Set.of(
                    "downtime",
                    "lastCheckpointDuration",
                    "lastCheckpointSize",
                    "numberOfFailedCheckpoints");

    /**
     * "Monitor the Amazon Kinesis Data Streams service with Amazon CloudWatch",
     * https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html: basic
     * stream-level metrics, always published, dimension StreamName; for both "the most commonly
     * used statistic for this metric is Average".
     */
    private static final Set<String> KINESIS_METRICS =
            Set.of("WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded");

    /**
     * "Amazon SageMaker AI metrics in Amazon CloudWatch", endpoint invocation metrics,
     * https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html: namespace
     * AWS/SageMaker, dimensions EndpointName and VariantName.
     */
    private static final Set<String> SAGEMAKER_METRICS =
            Set.of("ModelLatency", "Invocation4XXErrors", "Invocation5XXErrors");

    @Test
    void everyWidgetReadsAMetricTheJobOrAwsReallyPublishes() {
        List<MetricRef> unknown = new ArrayList<>();
        for (MetricRef metric : DashboardWidgets.metrics(T)) {
            boolean known;
            switch (metric.namespace) {
                case "AWS/KinesisAnalytics":
                    known =
                            metric.dimensions.equals(Map.of("Application", "occupancy-stream"))
                                    && (MSF_METRICS.contains(metric.name)
                                            || CloudWatchNames.published().contains(metric.name));
                    break;
                case "AWS/Kinesis":
                    known =
                            KINESIS_METRICS.contains(metric.name)
                                    && metric.dimensions.keySet().equals(Set.of("StreamName"))
                                    && Set.of(
                                                    "occupancy-readings",
                                                    "occupancy-results",
                                                    "occupancy-dead-letters")
                                            .contains(metric.dimensions.get("StreamName"));
                    break;
                case "AWS/SageMaker":
                    known =
                            SAGEMAKER_METRICS.contains(metric.name)
                                    && metric.dimensions.equals(
                                            Map.of(
                                                    "EndpointName", "roomOccupancyEndpoint",
                                                    "VariantName", "AllTraffic"));
                    break;
                default:
                    known = false;
            }
            if (!known) {
                unknown.add(metric);
            }
        }
        assertThat(DashboardWidgets.metrics(T)).hasSize(46); // with deadLettersInvalidRoomPerSecond
        assertThat(unknown).isEmpty();
    }

    @Test
    void widgetsShowFlowLagCheckpointsModelAndThrottling() {
        assertThat(DashboardWidgets.of(T).keySet())
                .containsExactly(
                        "Readings in and results out (per second)",
                        "Dead letters by reason (per second)",
                        "Fallbacks by reason (per second)",
                        "Input behind latest (ms, maximum)",
                        "Last checkpoint (duration ms; size bytes on the right)",
                        "Failed checkpoints since start; downtime ms on the right",
                        "Endpoint model latency (microseconds)",
                        "Endpoint invocation errors (count)",
                        "Model calls (per second); breaker state on the right",
                        "Stream throttling (share of requests, average)");
    }

    /**
     * A rate's one-minute Sum over the four snapshots MSF takes a minute is the application's
     * events per second ("Metrics and dimensions in Managed Service for Apache Flink",
     * numRecordsInPerSecond: "use m1/4 where m1 is the SUM statistic over a period").
     */
    @Test
    void readingsAndResultsAreTheJobsRatesSummedOverSubtasks() {
        List<String> expected = new ArrayList<>();
        expected.addAll(rate("readingsInPerSecond", "readings in"));
        expected.addAll(rate("resultsRulePerSecond", "results: rule"));
        expected.addAll(rate("resultsModelPerSecond", "results: model"));
        expected.addAll(rate("resultsFallbackPerSecond", "results: fallback"));
        assertThat(widget("Readings in and results out (per second)"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void deadLettersAndFallbacksShowEveryReasonTheJobPublishes() {
        assertThat(hiddenInputs("Dead letters by reason (per second)"))
                .containsExactlyInAnyOrderElementsOf(published("deadLetters"))
                .contains("deadLettersMalformedJsonPerSecond");
        assertThat(hiddenInputs("Fallbacks by reason (per second)"))
                .containsExactlyInAnyOrderElementsOf(published("fallbacks"))
                .contains("fallbacksCircuitOpenPerSecond", "fallbacksTimeoutPerSecond");
        assertThat(widget("Fallbacks by reason (per second)"))
                .startsWith(
                        rate("fallbacksCircuitOpenPerSecond", "CIRCUIT_OPEN")
                                .toArray(new String[0]));
    }

    /**
     * millisBehindLatest is published at "Application (for Stream)" level ("Metrics and dimensions
     * in Managed Service for Apache Flink", Kinesis Data Streams connector metrics); the search
     * finds it by the application's name whatever further dimensions name the stream.
     */
    @Test
    void inputLagIsTheConnectorsMillisBehindLatestAtItsMaximum() {
        assertThat(widget("Input behind latest (ms, maximum)"))
                .containsExactly(
                        "= SEARCH('Namespace=\"AWS/KinesisAnalytics\""
                                + " MetricName=\"millisBehindLatest\""
                                + " Application=\"occupancy-stream\"', 'Maximum', 60)"
                                + " [millisBehindLatest]");
    }

    @Test
    void checkpointsAndDowntimeAreMsfsApplicationMetricsAtTheirMaximum() {
        assertThat(widget("Last checkpoint (duration ms; size bytes on the right)"))
                .containsExactly(
                        MSF + "lastCheckpointDuration " + APP + " Maximum",
                        MSF + "lastCheckpointSize " + APP + " Maximum right");
        assertThat(widget("Failed checkpoints since start; downtime ms on the right"))
                .containsExactly(
                        MSF + "numberOfFailedCheckpoints " + APP + " Maximum",
                        MSF + "downtime " + APP + " Maximum right");
    }

    @Test
    void endpointLatencyAndErrorsAreSageMakersInvocationMetrics() {
        assertThat(widget("Endpoint model latency (microseconds)"))
                .containsExactly(ENDPOINT + "p50", ENDPOINT + "p99");
        String variant = " EndpointName=roomOccupancyEndpoint,VariantName=AllTraffic Sum";
        assertThat(widget("Endpoint invocation errors (count)"))
                .containsExactly(
                        "AWS/SageMaker Invocation4XXErrors" + variant,
                        "AWS/SageMaker Invocation5XXErrors" + variant);
    }

    @Test
    void modelCallsShowRequestsRetriesAndBreakerTransitionsWithItsState() {
        List<String> expected = new ArrayList<>();
        expected.addAll(rate("modelRequestsPerSecond", "requests"));
        expected.addAll(rate("modelRetriesPerSecond", "retries"));
        expected.addAll(rate("modelBreakerTransitionsPerSecond", "breaker transitions"));
        expected.add(MSF + "modelBreakerState " + APP + " Maximum right");
        assertThat(widget("Model calls (per second); breaker state on the right"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void throttlingIsEachStreamsReadAndWriteProvisionedThroughputExceeded() {
        List<String> expected = new ArrayList<>();
        for (String stream :
                List.of("occupancy-readings", "occupancy-results", "occupancy-dead-letters")) {
            for (String metric :
                    List.of(
                            "WriteProvisionedThroughputExceeded",
                            "ReadProvisionedThroughputExceeded")) {
                expected.add("AWS/Kinesis " + metric + " StreamName=" + stream + " Average");
            }
        }
        assertThat(widget("Stream throttling (share of requests, average)"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void dashboardIsNamedAfterTheApplicationAndGivenAsAnOutput() {
        T.hasResourceProperties(
                "AWS::CloudWatch::Dashboard", Map.of("DashboardName", "occupancy-stream"));
        assertThat(T.findOutputs("DashboardName").values().iterator().next())
                .extracting(o -> IamStatements.text(o.get("Value")))
                .isEqualTo("${" + logicalIdOfDashboard() + "}");
    }

    /** A job's rate as the widget draws it: its Sum over four, and the hidden Sum it reads. */
    private static List<String> rate(String published, String label) {
        return List.of(
                "= " + published + " / 4 [" + label + "]",
                MSF + published + " " + APP + " Sum hidden");
    }

    private static List<String> widget(String title) {
        return DashboardWidgets.of(T).get(title);
    }

    /** The job's metric names a widget's expressions read. */
    private static List<String> hiddenInputs(String title) {
        List<String> names = new ArrayList<>();
        for (String line : widget(title)) {
            if (line.endsWith(" Sum hidden")) {
                names.add(line.split(" ")[1]);
            }
        }
        return names;
    }

    private static List<String> published(String prefix) {
        List<String> names = new ArrayList<>();
        for (String name : CloudWatchNames.published()) {
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String logicalIdOfDashboard() {
        return Synthesized.DEFAULT.application.getLogicalId(
                (software.amazon.awscdk.CfnElement)
                        Synthesized.DEFAULT
                                .application
                                .dashboard
                                .dashboard
                                .getNode()
                                .getDefaultChild());
    }
}
