package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Result;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Scores with a model through Flink async I/O ({@link ModelScoringFunction}): unordered by default
 * (results leave as answers arrive), ordered if asked; at most {@code capacity} readings in flight
 * per task, each given up on (scored by the rule) after {@code timeout}.
 */
public final class ModelScoringStage implements ScoringStage {
    private final ModelScoringFunction function;
    private final boolean ordered;
    private final Duration timeout;
    private final int capacity;

    public ModelScoringStage(
            ModelScoringFunction function, boolean ordered, Duration timeout, int capacity) {
        this.function = function;
        this.ordered = ordered;
        this.timeout = timeout;
        this.capacity = capacity;
    }

    @Override
    public DataStream<Result> score(DataStream<FeaturedReading> readings) {
        SingleOutputStreamOperator<Result> results =
                ordered
                        ? AsyncDataStream.orderedWait(
                                readings,
                                function,
                                timeout.toMillis(),
                                TimeUnit.MILLISECONDS,
                                capacity)
                        : AsyncDataStream.unorderedWait(
                                readings,
                                function,
                                timeout.toMillis(),
                                TimeUnit.MILLISECONDS,
                                capacity);
        return results.name("score with model").uid("score-model");
    }
}
