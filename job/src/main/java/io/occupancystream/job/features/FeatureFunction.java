package io.occupancystream.job.features;

import io.occupancystream.job.reading.Reading;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Computes each device's feature vectors, keyed by thingName, for each reading as it arrives (in
 * the order {@link ArrivalOrder} passes them on), with the history there is: an out-of-order
 * reading sees only the readings older than itself. State per device, bounded: the readings of the
 * last {@link RecentReadings#LONG_SECONDS} and a day of per-minute quiet levels ({@link
 * QuietFloor}).
 */
public class FeatureFunction extends KeyedProcessFunction<String, Reading, FeaturedReading> {
    private transient ListState<Sample> history;
    private transient ValueState<QuietFloor> quietFloor;

    @Override
    public void open(Configuration parameters) {
        history =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "history", TypeInformation.of(Sample.class)));
        quietFloor =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "quiet-floor", TypeInformation.of(QuietFloor.class)));
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<FeaturedReading> out)
            throws Exception {
        out.collect(featurize(reading));
    }

    private FeaturedReading featurize(Reading reading) throws Exception {
        List<Sample> samples = new ArrayList<>();
        long newest = reading.timestamp;
        for (Sample s : history.get()) {
            samples.add(s);
            newest = Math.max(newest, s.timestamp);
        }
        QuietFloor floor = quietFloor.value();
        if (floor == null) {
            floor = QuietFloor.empty();
        }
        double level = floor.take(reading.timestamp, reading.sound);
        quietFloor.update(floor);
        double[] vector = Feature.vector(new RecentReadings(reading, samples, level));

        samples.add(new Sample(reading.timestamp, reading.sound));
        long oldestKept = newest - RecentReadings.LONG_SECONDS;
        samples.removeIf(s -> s.timestamp <= oldestKept);
        history.update(samples);
        return new FeaturedReading(reading, vector);
    }
}
