package io.occupancystream.job.metrics;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A count that an operator keeps twice: as a Flink metric, for whoever watches the running job, and
 * as an accumulator, which a bounded run returns in its result for the run summary. A dotted {@link
 * MetricName} such as {@code deadLetters.OVERSIZE} becomes metric group {@code deadLetters},
 * counter {@code OVERSIZE}; its rate is also published to CloudWatch on MSF, as {@link
 * CloudWatchNames#rateOf} names it. Not thread-safe: use from the operator's task thread.
 */
public final class Tally {
    private final Counter metric;
    private final LongCounter accumulator;

    private Tally(Counter metric, LongCounter accumulator) {
        this.metric = metric;
        this.accumulator = accumulator;
    }

    /** Registers {@code metric}, or the member of its family that {@code members} name. */
    public static Tally register(RuntimeContext context, MetricName metric, Object... members) {
        String name = metric.of(members);
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
