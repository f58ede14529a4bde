package io.occupancystream.job.features;

import io.occupancystream.job.reading.Reading;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Computes each device's feature vectors, keyed by thingName. Readings are held until the watermark
 * passes them and then processed in timestamp order, so the rolling features do not depend on
 * arrival order. A reading that arrives behind the watermark is processed at once with the history
 * there is. History is pruned to the last {@link RecentReadings#LONG_SECONDS}.
 */
public class FeatureFunction extends KeyedProcessFunction<String, Reading, FeaturedReading> {
    private final String zoneId;

    private transient ZoneId zone;
    private transient MapState<Long, Reading> pending;
    private transient ListState<Sample> history;

    public FeatureFunction(ZoneId zone) {
        this.zoneId = zone.getId();
    }

    @Override
    public void open(Configuration parameters) {
        zone = ZoneId.of(zoneId);
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending", Types.LONG, TypeInformation.of(Reading.class)));
        history =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "history", TypeInformation.of(Sample.class)));
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<FeaturedReading> out)
            throws Exception {
        if (reading.timestampMillis() <= ctx.timerService().currentWatermark()) {
            out.collect(featurize(reading));
            return;
        }
        pending.put(reading.timestamp, reading);
        ctx.timerService().registerEventTimeTimer(reading.timestampMillis());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FeaturedReading> out)
            throws Exception {
        long seconds = timestamp / 1000L;
        Reading reading = pending.get(seconds);
        if (reading != null) {
            pending.remove(seconds);
            out.collect(featurize(reading));
        }
    }

    private FeaturedReading featurize(Reading reading) throws Exception {
        List<Sample> samples = new ArrayList<>();
        long newest = reading.timestamp;
        for (Sample s : history.get()) {
            samples.add(s);
            newest = Math.max(newest, s.timestamp);
        }
        double[] vector = Feature.vector(new RecentReadings(reading, samples, zone));

        samples.add(new Sample(reading.timestamp, reading.sound, reading.temperature));
        long oldestKept = newest - RecentReadings.LONG_SECONDS;
        samples.removeIf(s -> s.timestamp <= oldestKept);
        history.update(samples);
        return new FeaturedReading(reading, vector);
    }
}
