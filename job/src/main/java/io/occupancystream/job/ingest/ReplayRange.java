package io.occupancystream.job.ingest;

import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import io.occupancystream.job.reading.Reading;
import java.time.Instant;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.configuration.Configuration;

/**
 * Keeps the readings stamped within [since, until) of a replay, so that a recording can be replayed
 * in parts (for example a first day to train on, then the rest to score). Readings outside are
 * counted, so that the summary still accounts for every record.
 */
public class ReplayRange extends RichFilterFunction<Reading> {
    private final long since;
    private final long until;
    private transient Tally outside;

    /**
     * @param since null for no lower limit; @param until null for no upper limit
     */
    public ReplayRange(Instant since, Instant until) {
        this.since = since == null ? Long.MIN_VALUE : since.getEpochSecond();
        this.until = until == null ? Long.MAX_VALUE : until.getEpochSecond();
    }

    @Override
    public void open(Configuration parameters) {
        outside = Tally.register(getRuntimeContext(), MetricName.OUTSIDE_REPLAY_RANGE);
    }

    @Override
    public boolean filter(Reading reading) {
        if (reading.timestamp >= since && reading.timestamp < until) {
            return true;
        }
        outside.increment();
        return false;
    }
}
