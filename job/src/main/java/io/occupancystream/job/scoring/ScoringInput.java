package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.scoring.follow.ModelRelease;

/**
 * What the model scoring function takes in: a reading to score, or a model to score the readings
 * after it with. A Flink POJO; exactly one field is set.
 */
public class ScoringInput {
    public FeaturedReading reading;
    public ModelRelease release;

    public ScoringInput() {}

    public static ScoringInput of(FeaturedReading reading) {
        ScoringInput input = new ScoringInput();
        input.reading = reading;
        return input;
    }

    public static ScoringInput of(ModelRelease release) {
        ScoringInput input = new ScoringInput();
        input.release = release;
        return input;
    }

    @Override
    public String toString() {
        return reading != null ? reading.toString() : "model " + release.digest;
    }
}
