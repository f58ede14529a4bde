package io.occupancystream.job.rooms;

import io.occupancystream.job.ingest.RoomAssignment;
import io.occupancystream.job.results.Result;
import org.apache.flink.api.common.functions.MapFunction;

/** Puts each result in its device's room, as {@link RoomAssignment} decides it. */
public class AssignRoom implements MapFunction<Result, Result> {
    private final RoomAssignment assignment;

    public AssignRoom(RoomAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public Result map(Result result) {
        result.room = assignment.roomOf(result.thingName, result.room);
        return result;
    }
}
