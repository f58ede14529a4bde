package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Result;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Turns featured readings into results: the rule, or a model through async I/O. */
@FunctionalInterface
public interface ScoringStage {
    DataStream<Result> score(DataStream<FeaturedReading> readings);

    /** Scores each reading with a synchronous scorer, such as the rule. */
    static ScoringStage of(Scorer scorer) {
        return readings -> readings.map(new ScoringFunction(scorer)).name("score").uid("score");
    }
}
