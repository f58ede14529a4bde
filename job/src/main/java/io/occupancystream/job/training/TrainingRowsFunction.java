package io.occupancystream.job.training;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.ingest.RoomAssignment;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import java.time.Duration;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns each labelled reading into its training row as it arrives, keyed by thingName, tagged with
 * the event-time window it belongs to and the room it belongs to (as the rooms stage assigns it);
 * the file sink writes it into that window's folder. Nothing is buffered: the state is one
 * timestamp per device, whatever the window length.
 *
 * <p>A reading is late, and goes to {@link #LATE} instead of a row, when its window closed more
 * than the allowed lateness ago by its device's own watermark: the device's newest labelled reading
 * so far minus {@code source.max-out-of-orderness}. A per-device watermark, not the job's, so that
 * whether a row is written depends only on its own device's sequence: not on other devices, idle
 * shards or how fast each source split is read, and so the same on a replay after a failure.
 */
public class TrainingRowsFunction
        extends KeyedProcessFunction<String, FeaturedReading, TrainingRow> {
    /** Labelled readings too late for their window. */
    public static final OutputTag<FeaturedReading> LATE =
            new OutputTag<FeaturedReading>("late-for-training") {};

    private final RoomAssignment rooms;
    private final long windowMillis;
    private final long allowedLatenessMillis;
    private final long outOfOrdernessMillis;

    private transient ValueState<Long> newestMillis;
    private transient Tally trainingRows;

    public TrainingRowsFunction(
            RoomAssignment rooms,
            Duration window,
            Duration allowedLateness,
            Duration maxOutOfOrderness) {
        this.rooms = rooms;
        this.windowMillis = window.toMillis();
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
    }

    @Override
    public void open(Configuration parameters) {
        newestMillis =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("newest-labelled", Types.LONG));
        trainingRows = Tally.register(getRuntimeContext(), MetricName.TRAINING_ROWS);
    }

    @Override
    public void processElement(FeaturedReading r, Context ctx, Collector<TrainingRow> out)
            throws Exception {
        long timestamp = r.reading.timestampMillis();
        Long newest = newestMillis.value();
        if (newest == null || timestamp > newest) {
            newestMillis.update(timestamp);
            newest = timestamp;
        }
        long windowStart = timestamp - Math.floorMod(timestamp, windowMillis);
        long deviceWatermark = newest - outOfOrdernessMillis;
        if (windowStart + windowMillis + allowedLatenessMillis <= deviceWatermark) {
            ctx.output(LATE, r);
            return;
        }
        trainingRows.increment();
        out.collect(
                new TrainingRow(
                        windowStart,
                        r.reading.thingName,
                        rooms.roomOf(r.reading.thingName, r.reading.room),
                        r.reading.timestamp,
                        r.reading.sound,
                        r.features,
                        r.reading.roomOccupancy));
    }
}
