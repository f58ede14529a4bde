package io.occupancystream.job.features;

import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import io.occupancystream.job.reading.Reading;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes each device's readings on as they arrive, keyed by thingName, and counts those that are
 * out of order: older than the device's newest reading so far. None is held back for the watermark,
 * so a reading is featured and scored when it arrives, and no other device or idle shard delays it.
 * An out-of-order reading is featured with the history there is when it arrives (it sees none of
 * the newer readings before it) and goes on to scoring and training like any other, so training
 * rows and inference rows come from the same features of the same sequence. State: one timestamp
 * per device.
 */
public class ArrivalOrder extends KeyedProcessFunction<String, Reading, Reading> {
    private transient ValueState<Long> newest;
    private transient Tally outOfOrder;

    @Override
    public void open(Configuration parameters) {
        newest = getRuntimeContext().getState(new ValueStateDescriptor<>("newest", Types.LONG));
        outOfOrder = Tally.register(getRuntimeContext(), MetricName.OUT_OF_ORDER);
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<Reading> out)
            throws Exception {
        Long before = newest.value();
        if (before == null || reading.timestamp > before) {
            newest.update(reading.timestamp);
        } else {
            outOfOrder.increment();
        }
        out.collect(reading);
    }
}
