package io.occupancystream.deploy;

import io.occupancystream.job.metrics.CloudWatchNames;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.results.ScoreSource;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * Alarms on what says the live setup is unwell: readings falling back to the rule, readings refused
 * as dead letters, a slow model and the application being down. They have no actions: subscribe
 * whoever should hear of them (an SNS topic) after deploying. No data (the application stopped,
 * nothing sent) is not an alarm: stopping it is deliberate, and its downtime says when it failed.
 *
 * <p>Sources, and what is assumed about them:
 *
 * <ul>
 *   <li>Downtime: MSF's {@code downtime} metric (milliseconds, dimension Application).
 *   <li>Dead-letter rate: records put on the dead-letter stream over records put on the input
 *       stream (AWS/Kinesis IncomingRecords), which Kinesis always publishes.
 *   <li>Fallback rate: fallback results over all results, from the job's rates of results by source
 *       ({@link CloudWatchNames}): Flink meters, events per second over the last minute, that MSF
 *       publishes in AWS/KinesisAnalytics with dimension Application (the application's metrics
 *       level is APPLICATION). Every subtask of the one operator that counts results reports the
 *       three rates at the same moments, so the ratio of their sums over the alarm period is the
 *       share of fallbacks in that period, whatever the parallelism and however often MSF samples;
 *       a counter would be a total since the task started instead. No results in the period is a
 *       rate of 0.
 *   <li>Model latency: SageMaker's own {@code ModelLatency} of the endpoint (microseconds,
 *       dimensions EndpointName and VariantName), because MSF does not publish Flink histograms
 *       such as the job's {@code model.latencyMs}. It leaves out the network between MSF and the
 *       endpoint.
 * </ul>
 */
final class JobAlarms extends Construct {
    static final String MSF_NAMESPACE = "AWS/KinesisAnalytics";
    private static final Duration PERIOD = Duration.minutes(5);

    /** Name suffixes of the alarms on the model, which also roll a retrained model back. */
    static final String FALLBACK_RATE = "-fallback-rate";

    static final String MODEL_LATENCY = "-model-latency";

    final Alarm downtime;
    final Alarm fallbackRate;
    final Alarm deadLetterRate;
    final Alarm modelLatency;

    JobAlarms(Construct scope, String id, DeploySettings settings) {
        super(scope, id);
        String app = settings.applicationName;
        downtime =
                alarm(
                        "Downtime",
                        app + "-downtime",
                        "The application was down (restarting or failed).",
                        application(app, "downtime", "Maximum"),
                        0);
        Map<String, IMetric> results = new LinkedHashMap<>();
        for (ScoreSource source : ScoreSource.values()) {
            results.put(
                    source.label(),
                    application(
                            app,
                            CloudWatchNames.rateOf(MetricName.RESULTS.of(source.label())),
                            "Sum"));
        }
        Map<String, IMetric> shares = new LinkedHashMap<>(results);
        shares.put("results", ratio(String.join(" + ", results.keySet()), results));
        fallbackRate =
                alarm(
                        "FallbackRate",
                        app + FALLBACK_RATE,
                        "More than the threshold of results were scored by the rule because the"
                                + " model did not answer.",
                        ratio(
                                "IF(results > 0, "
                                        + ScoreSource.FALLBACK.label()
                                        + " / results, 0)",
                                shares),
                        settings.fallbackRateThreshold);
        Map<String, IMetric> records = new LinkedHashMap<>();
        records.put("deadLetters", incomingRecords(settings.deadLetterStream));
        records.put("readings", incomingRecords(settings.inputStream));
        deadLetterRate =
                alarm(
                        "DeadLetterRate",
                        app + "-dead-letter-rate",
                        "More than the threshold of readings were refused as dead letters.",
                        ratio("deadLetters / readings", records),
                        settings.deadLetterRateThreshold);
        modelLatency =
                alarm(
                        "ModelLatency",
                        app + MODEL_LATENCY,
                        "The endpoint's p99 model latency is above the threshold.",
                        Metric.Builder.create()
                                .namespace("AWS/SageMaker")
                                .metricName("ModelLatency")
                                .dimensionsMap(
                                        Map.of(
                                                "EndpointName", settings.endpointName,
                                                "VariantName", settings.endpointVariant))
                                .statistic("p99")
                                .period(PERIOD)
                                .build(),
                        settings.modelLatencyP99Millis * 1000.0);
    }

    private Alarm alarm(
            String id, String name, String description, IMetric metric, double threshold) {
        return Alarm.Builder.create(this, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private static Metric application(String app, String name, String statistic) {
        return Metric.Builder.create()
                .namespace(MSF_NAMESPACE)
                .metricName(name)
                .dimensionsMap(Map.of("Application", app))
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }

    private static Metric incomingRecords(String stream) {
        return Metric.Builder.create()
                .namespace("AWS/Kinesis")
                .metricName("IncomingRecords")
                .dimensionsMap(Map.of("StreamName", stream))
                .statistic("Sum")
                .period(PERIOD)
                .build();
    }

    private static MathExpression ratio(String expression, Map<String, IMetric> metrics) {
        return MathExpression.Builder.create()
                .expression(expression)
                .usingMetrics(metrics)
                .period(PERIOD)
                .build();
    }
}
