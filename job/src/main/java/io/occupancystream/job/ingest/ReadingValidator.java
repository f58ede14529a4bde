package io.occupancystream.job.ingest;

import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import io.occupancystream.job.reading.ParsedReading;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import io.occupancystream.job.reading.RejectReason;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses raw records into readings. Every record in comes out exactly once: as a reading on the
 * main output, or as a {@link DeadLetter} on {@link #DEAD_LETTERS}. Never throws on bad input.
 */
public class ReadingValidator extends ProcessFunction<String, Reading> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<DeadLetter>("dead-letters") {};

    private final Clock clock;
    private final long maxFutureSkewSeconds;

    private transient Tally readingsIn;
    private transient Tally valid;
    private transient Map<RejectReason, Tally> deadLetters;

    /**
     * @param clock the wall clock that "too far in the future" is measured against
     */
    public ReadingValidator(Clock clock, Duration maxFutureSkew) {
        this.clock = clock;
        this.maxFutureSkewSeconds = maxFutureSkew.getSeconds();
    }

    @Override
    public void open(Configuration parameters) {
        readingsIn = Tally.register(getRuntimeContext(), MetricName.READINGS_IN);
        valid = Tally.register(getRuntimeContext(), MetricName.VALID);
        deadLetters = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            deadLetters.put(
                    reason, Tally.register(getRuntimeContext(), MetricName.DEAD_LETTERS, reason));
        }
    }

    @Override
    public void processElement(String raw, Context ctx, Collector<Reading> out) {
        readingsIn.increment();
        long latestAllowed = clock.instant().getEpochSecond() + maxFutureSkewSeconds;
        ParsedReading parsed = ReadingJson.parse(raw, latestAllowed);
        if (parsed.isValid()) {
            valid.increment();
            out.collect(parsed.reading());
        } else {
            deadLetters.get(parsed.reason()).increment();
            ctx.output(DEAD_LETTERS, DeadLetter.of(raw, parsed.reason(), parsed.detail()));
        }
    }
}
