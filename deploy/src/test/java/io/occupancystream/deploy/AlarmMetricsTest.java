package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.metrics.CloudWatchNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every alarm on the application's own metrics (namespace AWS/KinesisAnalytics) reads a metric that
 * is there: one of MSF's, or one the job publishes ({@link CloudWatchNames#published()}, which the
 * job's tests hold to what the job really registers). An alarm on a name nobody publishes has no
 * data, which the alarms treat as not breaching: it would never fire.
 */
class AlarmMetricsTest {
    /**
     * MSF's own metrics that the alarms read: "Metrics and dimensions in Managed Service for Apache
     * Flink", https://docs.aws.amazon.com/managed-flink/latest/java/metrics-dimensions.html.
     */
    private static final Set<String> MSF_METRICS = Set.of("downtime", "numberOfFailedCheckpoints");

    @Test
    void everyAlarmOnTheApplicationReadsAMetricMsfOrTheJobPublishes() {
        List<String> fromMsf = new ArrayList<>();
        List<String> fromJob = new ArrayList<>();
        for (Map<String, Object> metric : alarmMetrics()) {
            if (MetricSources.MSF_NAMESPACE.equals(metric.get("Namespace"))) {
                String name = (String) metric.get("MetricName");
                (MSF_METRICS.contains(name) ? fromMsf : fromJob).add(name);
            }
        }

        assertThat(fromMsf).containsExactlyInAnyOrder("downtime", "numberOfFailedCheckpoints");
        assertThat(fromJob)
                .hasSize(3)
                .allSatisfy(name -> assertThat(CloudWatchNames.published()).contains(name));
    }

    /** Every metric that an alarm of the application stack reads, alone or in metric math. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alarmMetrics() {
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Object resource :
                Synthesized.DEFAULT
                        .applicationTemplate
                        .findResources("AWS::CloudWatch::Alarm")
                        .values()) {
            Map<String, Object> alarm =
                    (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
            if (alarm.containsKey("MetricName")) {
                metrics.add(alarm);
            }
            for (Object query : (List<Object>) alarm.getOrDefault("Metrics", List.of())) {
                Map<String, Object> stat =
                        (Map<String, Object>) ((Map<String, Object>) query).get("MetricStat");
                if (stat != null) {
                    metrics.add((Map<String, Object>) stat.get("Metric"));
                }
            }
        }
        return metrics;
    }
}
