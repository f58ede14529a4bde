package io.occupancystream.job.scoring.follow;

import io.occupancystream.job.features.FeaturedReading;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * What drives the {@link ModelPoller}: at most one tick per poll interval from each task, while
 * readings flow. Ticks come from the readings rather than from a source of their own, so that the
 * poller's input ends with the readings and a bounded replay still ends; a stream with no readings
 * needs no new model until readings come again. Costs one comparison per reading.
 */
public class PollTicks extends ProcessFunction<FeaturedReading, Long> {
    private final long intervalMillis;
    private transient long nextMillis;
    private transient boolean ticked;

    public PollTicks(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void processElement(FeaturedReading reading, Context ctx, Collector<Long> out) {
        long now = ctx.timerService().currentProcessingTime();
        if (!ticked || now >= nextMillis) {
            ticked = true;
            nextMillis = now + intervalMillis;
            out.collect(now);
        }
    }
}
