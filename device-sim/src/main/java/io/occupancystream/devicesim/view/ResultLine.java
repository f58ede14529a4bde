package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.reading.Reading;

/**
 * One line of the job's results (the JSON its {@code Result} writes), as the view reads it. A
 * result without a {@code room} is its thing's own room, as the job decides it.
 */
final class ResultLine {
    final String thingName;
    final String room;
    final long timestamp;
    final double sound;
    final boolean roomOccupancy;
    final Double probability;
    final String source;
    final String modelVersion;
    final String fallbackReason;
    final Boolean reportedOccupancy;
    final boolean deviceOccupancy;
    final Double roomScore;
    final int roomVoters;

    private ResultLine(JsonNode json) {
        thingName = required(json, "thingName").asText();
        JsonNode roomNode = json.path("room");
        room = roomNode.isTextual() ? roomNode.asText() : thingName;
        timestamp = required(json, "timestamp").asLong();
        sound = json.path("sound").asDouble();
        roomOccupancy = required(json, "roomOccupancy").asBoolean();
        probability = optionalDouble(json, "probability");
        source = required(json, "source").asText();
        modelVersion = optionalText(json, "modelVersion");
        fallbackReason = optionalText(json, "fallbackReason");
        JsonNode label = json.path("reportedOccupancy");
        reportedOccupancy = label.isBoolean() ? label.asBoolean() : null;
        // Results written before the rooms stage carry no device decision: the room's is the
        // device's then.
        JsonNode device = json.path("deviceOccupancy");
        deviceOccupancy = device.isBoolean() ? device.asBoolean() : roomOccupancy;
        roomScore = optionalDouble(json, "roomScore");
        roomVoters = json.path("roomVoters").asInt(0);
    }

    /**
     * @throws IllegalArgumentException when the line is not JSON or lacks a field every result has
     */
    static ResultLine parse(String line) {
        return new ResultLine(OutputJson.object(line));
    }

    /** The job's id of the result: its reading's, {@link Reading#id}. */
    String id() {
        return Reading.id(thingName, timestamp);
    }

    /** What decided it and when: the fields a room and a device show alike. */
    void putDecision(ObjectNode json) {
        json.put("source", source);
        json.put("fallbackReason", fallbackReason);
        json.put("modelVersion", modelVersion);
        json.put("timestamp", timestamp);
    }

    /** Whether the model did not answer and the rule decided instead. */
    boolean isFallback() {
        return "fallback".equals(source);
    }

    /** The room's score: the fused score of its fresh devices, else this device's probability. */
    Double score() {
        return roomScore != null ? roomScore : probability;
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static Double optionalDouble(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isNumber() ? value.asDouble() : null;
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
