package io.occupancystream.modelops.sagemaker;

import java.io.IOException;

/** How a promotion compares a challenger with the endpoint's current model. */
@FunctionalInterface
interface ChampionComparison {
    Comparison compare(Champion champion) throws IOException;

    /** Only the recorded metrics, because {@code why} the models cannot be scored here. */
    static ChampionComparison recordedMetrics(String why) {
        return champion -> Comparison.recordedMetrics(why);
    }
}
