package io.occupancystream.deploy;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The CloudWatch metrics the alarms and the dashboard read, by where they come from: the MSF
 * application (its own metrics and the job's, dimension Application), the Kinesis streams
 * (dimension StreamName) and the SageMaker endpoint (dimensions EndpointName and VariantName), each
 * namespace and dimension set as the service's CloudWatch page names it.
 */
final class MetricSources {
    static final String MSF_NAMESPACE = "AWS/KinesisAnalytics";
    static final String KINESIS_NAMESPACE = "AWS/Kinesis";
    static final String SAGEMAKER_NAMESPACE = "AWS/SageMaker";

    private final DeploySettings settings;
    private final Duration period;

    MetricSources(DeploySettings settings, Duration period) {
        this.settings = settings;
        this.period = period;
    }

    /** A metric MSF publishes for the application, at the APPLICATION metrics level. */
    Metric application(String name, String statistic) {
        return metric(
                MSF_NAMESPACE, name, Map.of("Application", settings.applicationName), statistic);
    }

    /** A stream-level metric of one of the Kinesis streams. */
    Metric stream(String name, String stream, String statistic) {
        return metric(KINESIS_NAMESPACE, name, Map.of("StreamName", stream), statistic);
    }

    /** An invocation metric of the endpoint's variant. */
    Metric endpoint(String name, String statistic) {
        return metric(
                SAGEMAKER_NAMESPACE,
                name,
                Map.of(
                        "EndpointName", settings.endpointName,
                        "VariantName", settings.endpointVariant),
                statistic);
    }

    Duration period() {
        return period;
    }

    private Metric metric(
            String namespace, String name, Map<String, String> dimensions, String statistic) {
        return Metric.Builder.create()
                .namespace(namespace)
                .metricName(name)
                .dimensionsMap(dimensions)
                .statistic(statistic)
                .period(period)
                .build();
    }
}
