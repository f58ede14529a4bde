package io.occupancystream.job.rooms;

import io.occupancystream.job.ingest.RoomAssignment;
import io.occupancystream.job.results.Result;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;

/**
 * After scoring: keys each result by its device's room ({@link RoomSettings#assignment}), puts a
 * room's results in event-time order first when {@link RoomSettings#order} asks for it ({@link
 * EventTimeOrder}), and decides each device's and each room's occupancy in the order the results
 * come ({@link RoomDecisionFunction}). One result leaves per result in, so results stay one per
 * reading.
 */
public final class RoomStage {
    private final RoomSettings settings;

    public RoomStage(RoomSettings settings) {
        this.settings = settings;
    }

    public DataStream<Result> decide(DataStream<Result> scored) {
        RoomAssignment assignment = settings.assignment;
        KeySelector<Result, String> room = r -> assignment.roomOf(r.thingName, r.room);
        KeyedStream<Result, String> byRoom = scored.keyBy(room);
        if (settings.order == DecisionOrder.EVENT_TIME) {
            // The ordered results stay in the task that owns their room: keyed again, no shuffle.
            byRoom =
                    DataStreamUtils.reinterpretAsKeyedStream(
                            byRoom.process(new EventTimeOrder(settings.maxWait.toMillis()))
                                    .name("rooms in event-time order")
                                    .uid("rooms-event-time-order"),
                            room);
        }
        return byRoom.process(new RoomDecisionFunction(settings.freshness.getSeconds()))
                .name("decide rooms")
                .uid("decide-rooms");
    }
}
