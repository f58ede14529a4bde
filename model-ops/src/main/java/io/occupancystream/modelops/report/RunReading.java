package io.occupancystream.modelops.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One result line of a run (the job's {@code Result.toJson}), with what the run page draws: the
 * reading's label, the device's and the room's decisions, the probabilities and the sound.
 */
final class RunReading {
    final String thingName;
    final String room;
    final long timestamp;
    final double sound;

    /** The device's probability; null when the rule or a fallback decided. */
    final Double probability;

    /** The room's fused score; null when the room's decision had no probability to fuse. */
    final Double roomScore;

    final boolean roomOccupancy;
    final boolean deviceOccupancy;

    /** The occupancy the reading reported (its label); null when unlabelled. */
    final Boolean label;

    final String source;
    final String modelVersion;

    private RunReading(JsonNode n) {
        thingName = n.path("thingName").asText();
        room = n.path("room").asText(thingName);
        timestamp = n.path("timestamp").asLong();
        sound = n.path("sound").asDouble();
        probability = number(n.get("probability"));
        roomScore = number(n.get("roomScore"));
        roomOccupancy = n.path("roomOccupancy").asBoolean();
        deviceOccupancy = n.path("deviceOccupancy").asBoolean(roomOccupancy);
        JsonNode reported = n.get("reportedOccupancy");
        label = reported == null || reported.isNull() ? null : reported.asBoolean();
        source = n.path("source").asText("");
        modelVersion = n.path("modelVersion").asText("");
    }

    static RunReading of(JsonNode resultJson) {
        return new RunReading(resultJson);
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
