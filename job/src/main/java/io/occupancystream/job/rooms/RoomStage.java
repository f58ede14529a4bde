package io.occupancystream.job.rooms;

import io.occupancystream.job.results.Result;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * After scoring: assigns each result its room ({@link RoomSettings#assignment}), then decides each
 * device's and each room's occupancy ({@link RoomDecisionFunction}), keyed by room. One result
 * leaves per result in, so results stay one per reading.
 */
public final class RoomStage {
    private final RoomSettings settings;
    private final DecisionRules rules;

    public RoomStage(RoomSettings settings, DecisionRules rules) {
        this.settings = settings;
        this.rules = rules;
    }

    public DataStream<Result> decide(DataStream<Result> scored) {
        return scored.map(new AssignRoom(settings.assignment))
                .name("assign room")
                .uid("assign-room")
                .keyBy(r -> r.room)
                .process(new RoomDecisionFunction(rules))
                .name("decide rooms")
                .uid("decide-rooms");
    }
}
