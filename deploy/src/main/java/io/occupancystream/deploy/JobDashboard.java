package io.occupancystream.deploy;

import io.occupancystream.job.metrics.CloudWatchNames;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.TallyNames;
import io.occupancystream.job.results.ScoreSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MathExpressionOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.constructs.Construct;

/**
 * The operator's CloudWatch dashboard of the application, one minute a point: what goes in and
 * comes out, how far the source is behind, checkpoints and downtime, why readings fell back or were
 * refused, the model's latency, errors and circuit breaker, and the streams' throttling.
 *
 * <p>The job's rates ({@link CloudWatchNames}) are Flink meters, events per second per subtask. MSF
 * takes four snapshots of a metric a minute ("Metrics and dimensions in Managed Service for Apache
 * Flink", numRecordsInPerSecond: "use m1/4 where m1 is the SUM statistic over a minute"), so a
 * rate's one-minute Sum over four is the application's events per second, whatever the parallelism.
 * MSF's own metrics used here are published at the Application level: lastCheckpointDuration,
 * lastCheckpointSize, numberOfFailedCheckpoints and downtime with dimension Application;
 * millisBehindLatest "Application (for Stream)", read with a search on the application's name so
 * that the connector's further dimensions need not be spelled out.
 */
final class JobDashboard extends Construct {
    private static final Duration PERIOD = Duration.minutes(1);
    private static final int SNAPSHOTS_PER_MINUTE = 4;
    private static final int WIDTH = 8;
    private static final int HEIGHT = 6;

    final Dashboard dashboard;
    private final MetricSources metrics;

    JobDashboard(Construct scope, String id, DeploySettings settings) {
        super(scope, id);
        metrics = new MetricSources(settings, PERIOD);
        Map<String, IMetric> flow = new LinkedHashMap<>();
        flow.put("readings in", rate(CloudWatchNames.rateOf(MetricName.READINGS_IN.of())));
        for (ScoreSource source : ScoreSource.values()) {
            flow.put(
                    "results: " + source.label(),
                    rate(CloudWatchNames.rateOf(MetricName.RESULTS.of(source.label()))));
        }
        Map<String, IMetric> deadLetters = byReason(MetricName.DEAD_LETTERS);
        Map<String, IMetric> fallbacks = byReason(MetricName.FALLBACKS);
        Map<String, IMetric> modelCalls = new LinkedHashMap<>();
        modelCalls.put("requests", rate(CloudWatchNames.of(MetricName.MODEL_REQUESTS)));
        modelCalls.put("retries", rate(CloudWatchNames.of(MetricName.MODEL_RETRIES)));
        modelCalls.put(
                "breaker transitions",
                rate(CloudWatchNames.of(MetricName.MODEL_BREAKER_TRANSITIONS)));
        Map<String, IMetric> endpointErrors = new LinkedHashMap<>();
        endpointErrors.put("4xx", metrics.endpoint("Invocation4XXErrors", "Sum"));
        endpointErrors.put("5xx", metrics.endpoint("Invocation5XXErrors", "Sum"));
        Map<String, IMetric> latency = new LinkedHashMap<>();
        latency.put("p50", metrics.endpoint("ModelLatency", "p50"));
        latency.put("p99", metrics.endpoint("ModelLatency", "p99"));
        Map<String, IMetric> throttling = new LinkedHashMap<>();
        for (String stream :
                List.of(settings.inputStream, settings.resultsStream, settings.deadLetterStream)) {
            throttling.put(
                    stream + " writes",
                    metrics.stream("WriteProvisionedThroughputExceeded", stream, "Average"));
            throttling.put(
                    stream + " reads",
                    metrics.stream("ReadProvisionedThroughputExceeded", stream, "Average"));
        }

        List<IWidget> widgets = new ArrayList<>();
        widgets.add(graph("Readings in and results out (per second)", flow, Map.of()));
        widgets.add(graph("Dead letters by reason (per second)", deadLetters, Map.of()));
        widgets.add(graph("Fallbacks by reason (per second)", fallbacks, Map.of()));
        widgets.add(
                graph(
                        "Input behind latest (ms, maximum)",
                        Map.of("millisBehindLatest", behindLatest(settings.applicationName)),
                        Map.of()));
        widgets.add(
                graph(
                        "Last checkpoint (duration ms; size bytes on the right)",
                        Map.of(
                                "duration",
                                metrics.application("lastCheckpointDuration", "Maximum")),
                        Map.of("size", metrics.application("lastCheckpointSize", "Maximum"))));
        widgets.add(
                graph(
                        "Failed checkpoints since start; downtime ms on the right",
                        Map.of(
                                "failed checkpoints",
                                metrics.application("numberOfFailedCheckpoints", "Maximum")),
                        Map.of("downtime", metrics.application("downtime", "Maximum"))));
        widgets.add(graph("Endpoint model latency (microseconds)", latency, Map.of()));
        widgets.add(graph("Endpoint invocation errors (count)", endpointErrors, Map.of()));
        widgets.add(
                graph(
                        "Model calls (per second); breaker state on the right",
                        modelCalls,
                        Map.of(
                                "breaker state (0 closed, 1 open, 2 half-open)",
                                metrics.application(
                                        CloudWatchNames.of(MetricName.MODEL_BREAKER_STATE),
                                        "Maximum"))));
        widgets.add(graph("Stream throttling (share of requests, average)", throttling, Map.of()));
        dashboard =
                Dashboard.Builder.create(this, "Dashboard")
                        .dashboardName(settings.applicationName)
                        .widgets(List.of(widgets))
                        .build();
    }

    /** The rate of each member of a family of tallies, by its last part (the reason). */
    private Map<String, IMetric> byReason(MetricName family) {
        String prefix = family.of() + ".";
        Map<String, IMetric> rates = new LinkedHashMap<>();
        for (String tally : TallyNames.all()) {
            if (tally.startsWith(prefix)) {
                rates.put(tally.substring(prefix.length()), rate(CloudWatchNames.rateOf(tally)));
            }
        }
        return rates;
    }

    /** The application's events per second from one of the job's published rates. */
    private IMetric rate(String published) {
        return MathExpression.Builder.create()
                .expression(published + " / " + SNAPSHOTS_PER_MINUTE)
                .usingMetrics(Map.of(published, metrics.application(published, "Sum")))
                .period(PERIOD)
                .build();
    }

    private static IMetric behindLatest(String application) {
        return MathExpression.Builder.create()
                .expression(
                        "SEARCH('Namespace=\"AWS/KinesisAnalytics\""
                                + " MetricName=\"millisBehindLatest\" Application=\""
                                + application
                                + "\"', 'Maximum', 60)")
                .usingMetrics(Map.of())
                .period(PERIOD)
                .build();
    }

    private static GraphWidget graph(
            String title, Map<String, IMetric> left, Map<String, IMetric> right) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(labelled(left))
                .right(labelled(right))
                .width(WIDTH)
                .height(HEIGHT)
                .build();
    }

    private static List<IMetric> labelled(Map<String, IMetric> metrics) {
        List<IMetric> list = new ArrayList<>();
        metrics.forEach(
                (label, metric) ->
                        list.add(
                                metric instanceof Metric
                                        ? ((Metric) metric)
                                                .with(MetricOptions.builder().label(label).build())
                                        : ((MathExpression) metric)
                                                .with(
                                                        MathExpressionOptions.builder()
                                                                .label(label)
                                                                .build())));
        return list;
    }
}
