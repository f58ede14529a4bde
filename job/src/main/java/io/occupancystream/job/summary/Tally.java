package io.occupancystream.job.summary;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A count that an operator keeps twice: as a Flink metric, for whoever watches the running job, and
 * as an accumulator, which a bounded run returns in its result for the {@link RunSummary}. A dotted
 * name such as {@code deadLetters.OVERSIZE} becomes metric group {@code deadLetters}, counter
 * {@code OVERSIZE}; its rate is also published to CloudWatch on MSF, as {@link
 * CloudWatchNames#rateOf} names it. Not thread-safe: use from the operator's task thread.
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
        new MsfMetricGroup(context.getMetricGroup()).rate(CloudWatchNames.rateOf(name), counter);
        return new Tally(counter, accumulator);
    }

    public void increment() {
        metric.inc();
        accumulator.add(1L);
    }
}
