package io.occupancystream.job.dedup;

import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import io.occupancystream.job.reading.Reading;
import java.time.Duration;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops repeated readings of a device, keyed by thingName: the first reading with a given timestamp
 * passes, later ones with the same timestamp are counted and dropped. A timestamp is remembered for
 * the configured retention in event time, then forgotten, so state stays bounded.
 */
public class Deduplicator extends KeyedProcessFunction<String, Reading, Reading> {
    private final long retentionMillis;

    private transient MapState<Long, Boolean> seenTimestamps;
    private transient Tally duplicates;

    public Deduplicator(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(Configuration parameters) {
        seenTimestamps =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "seen-timestamps", Types.LONG, Types.BOOLEAN));
        duplicates = Tally.register(getRuntimeContext(), MetricName.DUPLICATES);
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<Reading> out)
            throws Exception {
        if (seenTimestamps.contains(reading.timestamp)) {
            duplicates.increment();
            return;
        }
        seenTimestamps.put(reading.timestamp, Boolean.TRUE);
        ctx.timerService().registerEventTimeTimer(reading.timestampMillis() + retentionMillis);
        out.collect(reading);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Reading> out)
            throws Exception {
        seenTimestamps.remove((timestamp - retentionMillis) / 1000L);
    }
}
