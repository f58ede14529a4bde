package io.occupancystream.job.training;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import io.occupancystream.job.reading.Reading;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;

/** Counts readings that came too late for their training window and hands them on as readings. */
public class LateReadings extends RichMapFunction<FeaturedReading, Reading> {
    private transient Tally late;

    @Override
    public void open(Configuration parameters) {
        late = Tally.register(getRuntimeContext(), MetricName.LATE);
    }

    @Override
    public Reading map(FeaturedReading featured) {
        late.increment();
        return featured.reading;
    }
}
