package io.occupancystream.job.metrics;

import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The names under which Managed Service for Apache Flink publishes the job's own metrics to
 * CloudWatch (namespace AWS/KinesisAnalytics; dimension Application at the APPLICATION metrics
 * level): the one list that the job registers ({@link MsfMetricGroup}) and the deploy module's
 * alarms read. Each is a Flink meter, in events per second over the last minute, except the breaker
 * state gauge: a counter is a total since its task started, which drops to zero on every restart
 * and says nothing about one alarm period. Uses no Flink class, so that the deploy module can load
 * it without Flink.
 */
public final class CloudWatchNames {
    /** MSF sends to CloudWatch only the metrics registered directly under a group of this name. */
    public static final String GROUP = "kinesisanalytics";

    /**
     * "Use custom metrics with Amazon Managed Service for Apache Flink": custom metric and group
     * names must be alphanumeric. A letter first, as the Prometheus naming rule that the page
     * refers to also asks.
     */
    public static final Pattern NAME_RULE = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private CloudWatchNames() {}

    /**
     * The published rate of a {@link Tally}: its dotted name in camel case, then {@code PerSecond}.
     * {@code results.fallback} is {@code resultsFallbackPerSecond}, {@code
     * deadLetters.MALFORMED_JSON} is {@code deadLettersMalformedJsonPerSecond}.
     */
    public static String rateOf(String tally) {
        return camelCase(tally) + "PerSecond";
    }

    /** The published name of a metric that is not a {@link MetricName.Kind#TALLY}. */
    public static String of(MetricName metric) {
        switch (metric.kind()) {
            case RATE:
                return rateOf(metric.of());
            case GAUGE:
                return camelCase(metric.of());
            default:
                throw new IllegalArgumentException(metric + " is not published by that name");
        }
    }

    private static String camelCase(String dotted) {
        StringBuilder name = new StringBuilder();
        for (String word : dotted.split("[._]")) {
            if (name.length() == 0) {
                name.append(word);
            } else if (!word.isEmpty()) {
                String rest = word.substring(1);
                boolean constant = word.equals(word.toUpperCase(Locale.ROOT));
                name.append(Character.toUpperCase(word.charAt(0)))
                        .append(constant ? rest.toLowerCase(Locale.ROOT) : rest);
            }
        }
        return name.toString();
    }

    /** Every name the job publishes. */
    public static SortedSet<String> published() {
        SortedSet<String> names = new TreeSet<>();
        for (String tally : TallyNames.all()) {
            names.add(rateOf(tally));
        }
        for (MetricName metric : MetricName.values()) {
            if (metric.kind() == MetricName.Kind.RATE || metric.kind() == MetricName.Kind.GAUGE) {
                names.add(of(metric));
            }
        }
        return names;
    }
}
