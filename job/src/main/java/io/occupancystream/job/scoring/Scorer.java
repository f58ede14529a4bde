package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Prediction;
import java.io.Serializable;

/** Decides whether a room is occupied from one featured reading. Must not block for long. */
@FunctionalInterface
public interface Scorer extends Serializable {
    Prediction score(FeaturedReading reading);
}
