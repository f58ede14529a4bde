package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.follow.ModelPoller;
import io.occupancystream.job.scoring.follow.ModelRelease;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Scores with a model through Flink async I/O ({@link ModelScoringFunction}): unordered by default
 * (results leave as answers arrive), ordered if asked; at most {@code capacity} readings in flight
 * per task, each given up on (scored by the rule) after {@code timeout}.
 *
 * <p>When it follows the model ({@link Following}), a {@link ModelPoller} with parallelism 1,
 * ticked by {@link ReadingsToScore}, broadcasts each new model to every scoring task, into the same
 * input as the readings.
 */
public final class ModelScoringStage implements ScoringStage {
    private final ModelScoringFunction function;
    private final boolean ordered;
    private final Duration timeout;
    private final int capacity;
    private final Following following;

    /** Where the model is polled, how often, and whether its artifact comes with its card. */
    public static final class Following {
        final String location;
        final boolean withArtifact;
        final Duration interval;

        public Following(String location, boolean withArtifact, Duration interval) {
            this.location = location;
            this.withArtifact = withArtifact;
            this.interval = interval;
        }
    }

    /**
     * @param following null to keep the model the scoring tasks open with
     */
    public ModelScoringStage(
            ModelScoringFunction function,
            boolean ordered,
            Duration timeout,
            int capacity,
            Following following) {
        this.function = function;
        this.ordered = ordered;
        this.timeout = timeout;
        this.capacity = capacity;
        this.following = following;
    }

    @Override
    public DataStream<Result> score(DataStream<FeaturedReading> readings) {
        long pollMillis = following == null ? 0 : following.interval.toMillis();
        SingleOutputStreamOperator<ScoringInput> toScore =
                readings.process(new ReadingsToScore(pollMillis))
                        .name("to score")
                        .uid("scoring-input");
        DataStream<ScoringInput> input = toScore;
        if (following != null) {
            input = input.union(releases(toScore.getSideOutput(ReadingsToScore.POLL_TICKS)));
        }
        SingleOutputStreamOperator<Result> results =
                ordered
                        ? AsyncDataStream.orderedWait(
                                input,
                                function,
                                timeout.toMillis(),
                                TimeUnit.MILLISECONDS,
                                capacity)
                        : AsyncDataStream.unorderedWait(
                                input,
                                function,
                                timeout.toMillis(),
                                TimeUnit.MILLISECONDS,
                                capacity);
        return results.name("score with model").uid("score-model");
    }

    /** The poller's releases, broadcast to every scoring task. */
    private DataStream<ScoringInput> releases(DataStream<Long> ticks) {
        return ticks.process(
                        new ModelPoller(
                                following.location,
                                following.withArtifact,
                                following.interval.toMillis()))
                .returns(TypeInformation.of(ModelRelease.class))
                .setParallelism(1)
                .setMaxParallelism(1)
                .name("follow model")
                .uid("model-poller")
                .map(ScoringInput::of)
                .returns(ScoringInput.class)
                .setParallelism(1)
                .name("model to score with")
                .uid("model-input")
                .broadcast();
    }
}
