package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.scoring.follow.ModelPoller;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Wraps each reading for the model scoring function and, when the job follows its model, ticks the
 * {@link ModelPoller} on a side output: at most once per poll interval from each task, while
 * readings flow. Ticks come from the readings rather than from a source of their own, so that the
 * poller's input ends with the readings and a bounded replay still ends; a stream with no readings
 * needs no new model until readings come again. The readings have no second consumer to be copied
 * for; a tick costs one comparison per reading.
 */
public class ReadingsToScore extends ProcessFunction<FeaturedReading, ScoringInput> {
    static final OutputTag<Long> POLL_TICKS = new OutputTag<>("model-poll-ticks") {};

    private final long tickIntervalMillis;
    private transient long nextTickMillis;
    private transient boolean ticked;

    /**
     * @param tickIntervalMillis the poll interval, or 0 for no ticks
     */
    public ReadingsToScore(long tickIntervalMillis) {
        this.tickIntervalMillis = tickIntervalMillis;
    }

    @Override
    public void processElement(FeaturedReading reading, Context ctx, Collector<ScoringInput> out) {
        if (tickIntervalMillis > 0) {
            long now = ctx.timerService().currentProcessingTime();
            if (!ticked || now >= nextTickMillis) {
                ticked = true;
                nextTickMillis = now + tickIntervalMillis;
                ctx.output(POLL_TICKS, now);
            }
        }
        out.collect(ScoringInput.of(reading));
    }
}
