package io.occupancystream.job.training;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.configuration.Configuration;

/** Keeps readings that carry a label; counts the others, which cannot be training rows. */
public class LabelledOnly extends RichFilterFunction<FeaturedReading> {
    private transient Tally unlabelled;

    @Override
    public void open(Configuration parameters) {
        unlabelled = Tally.register(getRuntimeContext(), MetricName.UNLABELLED);
    }

    @Override
    public boolean filter(FeaturedReading featured) {
        if (featured.reading.isLabelled()) {
            return true;
        }
        unlabelled.increment();
        return false;
    }
}
