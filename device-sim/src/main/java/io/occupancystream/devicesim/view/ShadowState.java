package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one GetThingShadow said about a thing: the room decision the job wrote ({@code
 * state.desired.roomOccupancy}) and when AWS IoT recorded it, or why there was none. Immutable.
 */
final class ShadowState {
    final String thingName;
    final Boolean occupied;
    final Long recordedAt;
    final Long shadowVersion;
    final String error;
    final long polledAtMillis;

    private ShadowState(
            String thingName,
            Boolean occupied,
            Long recordedAt,
            Long shadowVersion,
            String error,
            long polledAtMillis) {
        this.thingName = thingName;
        this.occupied = occupied;
        this.recordedAt = recordedAt;
        this.shadowVersion = shadowVersion;
        this.error = error;
        this.polledAtMillis = polledAtMillis;
    }

    /**
     * @param occupied null when the shadow holds no decision
     * @param recordedAt epoch seconds, null with no decision
     */
    static ShadowState decided(
            String thingName,
            Boolean occupied,
            Long recordedAt,
            Long shadowVersion,
            long polledAtMillis) {
        return new ShadowState(
                thingName, occupied, recordedAt, shadowVersion, null, polledAtMillis);
    }

    static ShadowState failed(String thingName, String error, long polledAtMillis) {
        return new ShadowState(thingName, null, null, null, error, polledAtMillis);
    }

    void toJson(ObjectNode json) {
        json.put("thingName", thingName);
        json.put("occupied", occupied);
        json.put("recordedAt", recordedAt);
        json.put("version", shadowVersion);
        json.put("error", error);
        json.put("polledAt", polledAtMillis);
    }
}
