package io.occupancystream.job.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;

/**
 * An operator's metrics that MSF publishes to CloudWatch: registered directly under {@link
 * CloudWatchNames#GROUP}, where a further group would become one more CloudWatch dimension that the
 * alarms do not name. Refuses a name that CloudWatch will not have.
 */
public final class MsfMetricGroup {
    private final MetricGroup group;

    public MsfMetricGroup(MetricGroup operator) {
        this.group = operator.addGroup(CloudWatchNames.GROUP);
    }

    /** Publishes the rate of {@code counter}, in events per second over the last minute. */
    public void rate(String name, Counter counter) {
        group.meter(checked(name), new MeterView(counter));
    }

    public <T> void gauge(String name, Gauge<T> gauge) {
        group.gauge(checked(name), gauge);
    }

    private static String checked(String name) {
        if (!CloudWatchNames.NAME_RULE.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "MSF publishes only alphanumeric metric names, not '" + name + "'");
        }
        return name;
    }
}
