package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.results.ResultLine;
import java.util.Map;
import java.util.TreeMap;

/**
 * A room's current decision (its newest result by event time), since when it holds, its devices and
 * its timeline. Not thread-safe: the {@link RoomBoard} guards it.
 */
final class RoomState {
    final String room;
    final Map<String, DeviceState> devices = new TreeMap<>();
    final Timeline timeline;
    long version;
    long results;
    private ResultLine latest;
    private long since;
    private long sinceArrivalMillis;

    RoomState(String room, Timeline timeline) {
        this.room = room;
        this.timeline = timeline;
    }

    /**
     * Folds in a result seen for the first time. The room's and the device's current state follow
     * their newest result by event time; an older one (results of a room's devices interleave
     * across shards and part files) goes only into the timeline and the counts.
     */
    void add(ResultLine result, long arrivalMillis, long version) {
        this.version = version;
        results++;
        DeviceState device = devices.computeIfAbsent(result.thingName, DeviceState::new);
        if (device.isNewer(result)) {
            device.update(result, arrivalMillis);
        }
        timeline.add(result, version);
        if (latest == null || result.timestamp > latest.timestamp) {
            if (latest == null || latest.roomOccupancy != result.roomOccupancy) {
                since = result.timestamp;
                sinceArrivalMillis = arrivalMillis;
            }
            latest = result;
        }
    }

    /**
     * The room, with the timeline buckets changed after {@code since}; devices' shadows from {@code
     * shadows}.
     */
    void toJson(
            ObjectNode json,
            long sinceVersion,
            long eventTime,
            long nowMillis,
            Map<String, ShadowState> shadows) {
        json.put("room", room);
        json.put("occupied", latest.roomOccupancy);
        json.put("since", since);
        json.put("sinceArrival", sinceArrivalMillis);
        json.put("score", latest.score());
        json.put("roomScore", latest.roomScore);
        json.put("probability", latest.probability);
        json.put("voters", latest.roomVoters);
        DecisionJson.put(json, latest);
        json.put("results", results);
        ArrayNode deviceList = json.putArray("devices");
        for (DeviceState device : devices.values()) {
            ObjectNode deviceJson = deviceList.addObject();
            device.toJson(deviceJson, eventTime, nowMillis);
            ShadowState shadow = shadows.get(device.thingName);
            if (shadow != null) {
                shadow.toJson(deviceJson.putObject("shadow"));
            }
        }
        timeline.toJson(sinceVersion, json.putArray("timeline"));
    }
}
