package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.results.ResultLine;

/**
 * A device's newest result and when it arrived. Not thread-safe: the {@link RoomBoard} guards it.
 */
final class DeviceState {
    final String thingName;
    ResultLine latest;
    long arrivalMillis;

    DeviceState(String thingName) {
        this.thingName = thingName;
    }

    /** Whether {@code result} is newer, by event time, than the newest so far. */
    boolean isNewer(ResultLine result) {
        return latest == null || result.timestamp > latest.timestamp;
    }

    void update(ResultLine result, long arrivalMillis) {
        latest = result;
        this.arrivalMillis = arrivalMillis;
    }

    /**
     * @param eventTime the newest event time the view has seen, for the age by event time
     * @param nowMillis the view's clock, for the age by arrival
     */
    void toJson(ObjectNode json, long eventTime, long nowMillis) {
        json.put("thingName", thingName);
        json.put("occupied", latest.deviceOccupancy);
        json.put("probability", latest.probability);
        DecisionJson.put(json, latest);
        json.put("arrival", arrivalMillis);
        json.put("eventAgeSeconds", eventTime - latest.timestamp);
        json.put("arrivalAgeMillis", nowMillis - arrivalMillis);
    }
}
