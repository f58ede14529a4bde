package io.occupancystream.job.summary;

import java.util.List;
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

    public static final String MODEL_REQUESTS = "modelRequestsPerSecond";
    public static final String MODEL_RETRIES = "modelRetriesPerSecond";

    /** 0 closed, 1 open, 2 half-open. */
    public static final String MODEL_BREAKER_STATE = "modelBreakerState";

    public static final String SHADOW_UPDATES = "shadowUpdatesPerSecond";
    public static final String SHADOW_UPDATES_REJECTED = "shadowUpdatesRejectedPerSecond";

    private CloudWatchNames() {}

    /**
     * The published rate of a {@link Tally}: its dotted name in camel case, then {@code PerSecond}.
     * {@code results.fallback} is {@code resultsFallbackPerSecond}, {@code
     * deadLetters.MALFORMED_JSON} is {@code deadLettersMalformedJsonPerSecond}.
     */
    public static String rateOf(String tally) {
        StringBuilder name = new StringBuilder();
        for (String word : tally.split("[._]")) {
            if (name.length() == 0) {
                name.append(word);
            } else if (!word.isEmpty()) {
                String rest = word.substring(1);
                boolean constant = word.equals(word.toUpperCase(Locale.ROOT));
                name.append(Character.toUpperCase(word.charAt(0)))
                        .append(constant ? rest.toLowerCase(Locale.ROOT) : rest);
            }
        }
        return name.append("PerSecond").toString();
    }

    /** Every name the job publishes. */
    public static SortedSet<String> published() {
        SortedSet<String> names = new TreeSet<>();
        for (String tally : TallyNames.all()) {
            names.add(rateOf(tally));
        }
        names.addAll(
                List.of(
                        MODEL_REQUESTS,
                        MODEL_RETRIES,
                        MODEL_BREAKER_STATE,
                        SHADOW_UPDATES,
                        SHADOW_UPDATES_REJECTED));
        return names;
    }
}
