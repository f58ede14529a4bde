package io.occupancystream.job.summary;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A count that an operator keeps twice: as a Flink metric, for whoever watches the running job, and
 * as an accumulator, which a bounded run returns in its result for the {@link RunSummary}. A dotted
 * name such as {@code deadLetters.OVERSIZE} becomes metric group {@code deadLetters}, counter
 * {@code OVERSIZE}; it is also registered whole under {@link #MSF_METRIC_GROUP}. Not thread-safe:
 * use from the operator's task thread.
 */
public final class Tally {
    public static final String READINGS_IN = "readingsIn";
    public static final String VALID = "valid";
    public static final String DEAD_LETTERS = "deadLetters";
    public static final String OUTSIDE_REPLAY_RANGE = "outsideReplayRange";
    public static final String DUPLICATES = "duplicates";
    public static final String LATE = "late";
    public static final String TRAINING_ROWS = "trainingRows";
    public static final String UNLABELLED = "unlabelled";
    public static final String RESULTS = "results";
    public static final String CONFUSION = "confusion";
    public static final String FALLBACKS = "fallbacks";

    /** MSF sends to CloudWatch only the metrics registered under a group of this name. */
    public static final String MSF_METRIC_GROUP = "kinesisanalytics";

    private final Counter metric;
    private final LongCounter accumulator;

    private Tally(Counter metric, LongCounter accumulator) {
        this.metric = metric;
        this.accumulator = accumulator;
    }

    public static Tally register(RuntimeContext context, String name) {
        String[] parts = name.split("\\.");
        MetricGroup group = context.getMetricGroup();
        for (int i = 0; i < parts.length - 1; i++) {
            group = group.addGroup(parts[i]);
        }
        LongCounter accumulator = new LongCounter();
        context.addAccumulator(name, accumulator);
        Counter counter = group.counter(parts[parts.length - 1]);
        // The same counter again, under its whole name, for CloudWatch on MSF (namespace
        // AWS/KinesisAnalytics): the deploy module's alarms read it there.
        context.getMetricGroup().addGroup(MSF_METRIC_GROUP).counter(name, counter);
        return new Tally(counter, accumulator);
    }

    public void increment() {
        metric.inc();
        accumulator.add(1L);
    }
}
