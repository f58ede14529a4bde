package io.occupancystream.job.training;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a device's window of labelled readings into training rows in timestamp order. A window
 * fires again for each reading that arrives within the allowed lateness; it then emits only the
 * readings not emitted before (window contents keep arrival order), so no row is written twice.
 */
public class TrainingRowsFunction
        extends ProcessWindowFunction<FeaturedReading, TrainingRow, String, TimeWindow> {
    private static final ValueStateDescriptor<Integer> EMITTED =
            new ValueStateDescriptor<>("emitted", Types.INT);

    private transient Tally trainingRows;

    @Override
    public void open(Configuration parameters) {
        trainingRows = Tally.register(getRuntimeContext(), MetricName.TRAINING_ROWS);
    }

    @Override
    public void process(
            String thingName,
            Context context,
            Iterable<FeaturedReading> readings,
            Collector<TrainingRow> out)
            throws Exception {
        ValueState<Integer> emitted = context.windowState().getState(EMITTED);
        int alreadyEmitted = emitted.value() == null ? 0 : emitted.value();
        List<FeaturedReading> fresh = new ArrayList<>();
        int seen = 0;
        for (FeaturedReading r : readings) {
            if (seen++ >= alreadyEmitted) {
                fresh.add(r);
            }
        }
        fresh.sort(Comparator.comparingLong(r -> r.reading.timestamp));
        for (FeaturedReading r : fresh) {
            trainingRows.increment();
            out.collect(
                    new TrainingRow(
                            context.window().getStart(),
                            thingName,
                            r.reading.timestamp,
                            r.features,
                            r.reading.roomOccupancy));
        }
        emitted.update(seen);
    }

    @Override
    public void clear(Context context) {
        context.windowState().getState(EMITTED).clear();
    }
}
