package io.occupancystream.job.rooms;

import io.occupancystream.job.ingest.RoomAssignment;
import io.occupancystream.job.results.Result;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * After scoring: keys each result by its device's room ({@link RoomSettings#assignment}) and
 * decides each device's and each room's occupancy as the result arrives ({@link
 * RoomDecisionFunction}). One result leaves per result in, so results stay one per reading.
 */
public final class RoomStage {
    private final RoomSettings settings;

    public RoomStage(RoomSettings settings) {
        this.settings = settings;
    }

    public DataStream<Result> decide(DataStream<Result> scored) {
        RoomAssignment assignment = settings.assignment;
        return scored.keyBy(r -> assignment.roomOf(r.thingName, r.room))
                .process(new RoomDecisionFunction(settings.freshness.getSeconds()))
                .name("decide rooms")
                .uid("decide-rooms");
    }
}
