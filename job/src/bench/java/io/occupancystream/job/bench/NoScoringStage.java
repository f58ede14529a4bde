package io.occupancystream.job.bench;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Prediction;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.scoring.ScoringStage;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A scoring stage that does no scoring: every reading becomes an unoccupied result at once, so that
 * a run measures the pipeline around the scorer alone.
 */
final class NoScoringStage implements ScoringStage {
    @Override
    public DataStream<Result> score(DataStream<FeaturedReading> readings) {
        return readings.map(new Unscored()).name("no scoring").uid("no-scoring");
    }

    private static final class Unscored implements MapFunction<FeaturedReading, Result> {
        @Override
        public Result map(FeaturedReading featured) {
            return Result.of(
                    featured.reading,
                    new Prediction(false, null, ScoreSource.RULE, "none", null),
                    featured.quietSeconds());
        }
    }
}
