package io.occupancystream.job.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.model.results.ResultLine;
import java.util.Objects;

/**
 * The job's decision for one reading: the reading's signals, its device's {@code room}, the room's
 * decision as {@code roomOccupancy}, the device's own probability and decision, where they came
 * from, and the reported label if the reading had one. {@code id} ({@code thingName:timestamp}) is
 * deterministic, so consumers of an at-least-once sink can de-duplicate. Its JSON line is the
 * contract {@link ResultLine} defines and reads.
 */
public class Result {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String thingName;
    public long timestamp;
    public double temperature;
    public double sound;
    public String hvacStatus;
    public boolean roomOccupancy;
    public Double probability;
    public ScoreSource source;
    public String modelVersion;
    public FallbackReason fallbackReason;
    public Boolean reportedOccupancy;

    /**
     * The room the device is in; null until the rooms stage assigns it, unless the reading named
     * it.
     */
    public String room;

    /**
     * The device's own decision: the scorer's label as scored, then the device's decision rule over
     * its probabilities once the rooms stage has decided.
     */
    public boolean deviceOccupancy;

    /** What the room's decision rule saw: its fresh devices fused; null before the rooms stage. */
    public Double roomScore;

    /** How many of the room's devices were fresh and voted. */
    public int roomVoters;

    /**
     * The rules of the model card it was scored under, for the rooms stage; null when no card
     * scored it (the rule scorer). Not part of the JSON.
     */
    public DecisionRules rules;

    /**
     * How long the device had heard nothing loud ({@link Feature#quietSeconds}), for the room
     * rule's quiet span. Not part of the JSON.
     */
    public long quietSeconds;

    public Result() {}

    /**
     * @param quietSeconds how long the reading's device had heard nothing loud, from its features
     */
    public static Result of(Reading reading, Prediction prediction, long quietSeconds) {
        Result r = new Result();
        r.thingName = reading.thingName;
        r.timestamp = reading.timestamp;
        r.temperature = reading.temperature;
        r.sound = reading.sound;
        r.hvacStatus = reading.hvacStatus == null ? null : reading.hvacStatus.name();
        r.roomOccupancy = prediction.occupied;
        r.probability = prediction.probability;
        r.source = prediction.source;
        r.modelVersion = prediction.modelVersion;
        r.fallbackReason = prediction.fallbackReason;
        r.reportedOccupancy = reading.roomOccupancy;
        r.room = reading.room;
        r.deviceOccupancy = prediction.occupied;
        r.quietSeconds = quietSeconds;
        return r;
    }

    /** The id of the reading it decides: {@link Reading#id(String, long)}. */
    public String id() {
        return Reading.id(thingName, timestamp);
    }

    /** The result's line, under the field names of {@link ResultLine}. */
    public String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put(ResultLine.ID, id());
        node.put(ResultLine.THING_NAME, thingName);
        node.put(ResultLine.TIMESTAMP, timestamp);
        node.put(ResultLine.TEMPERATURE, temperature);
        node.put(ResultLine.SOUND, sound);
        node.put(ResultLine.HVAC_STATUS, hvacStatus);
        node.put(ResultLine.ROOM_OCCUPANCY, roomOccupancy);
        node.put(ResultLine.PROBABILITY, probability);
        node.put(ResultLine.SOURCE, source == null ? null : source.label());
        node.put(ResultLine.MODEL_VERSION, modelVersion);
        node.put(ResultLine.FALLBACK_REASON, fallbackReason == null ? null : fallbackReason.name());
        node.put(ResultLine.REPORTED_OCCUPANCY, reportedOccupancy);
        node.put(ResultLine.ROOM, room);
        node.put(ResultLine.DEVICE_OCCUPANCY, deviceOccupancy);
        node.put(ResultLine.ROOM_SCORE, roomScore);
        node.put(ResultLine.ROOM_VOTERS, roomVoters);
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Result)) {
            return false;
        }
        return toJson().equals(((Result) o).toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(thingName, timestamp, source == null ? null : source.label());
    }

    @Override
    public String toString() {
        return toJson();
    }
}
