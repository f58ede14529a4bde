package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Result;
import org.apache.flink.api.common.functions.MapFunction;

/** Scores each featured reading with a synchronous {@link Scorer}. */
public class ScoringFunction implements MapFunction<FeaturedReading, Result> {
    private final Scorer scorer;

    public ScoringFunction(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public Result map(FeaturedReading featured) {
        return Result.of(featured.reading, scorer.score(featured), featured.quietSeconds());
    }
}
