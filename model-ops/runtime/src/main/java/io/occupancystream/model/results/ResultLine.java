package io.occupancystream.model.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Predicate;

/**
 * One line of the job's results: the one definition of its field names and of how a line is read.
 * The job writes its keys from the names here; the run page, the live view and the chaos harness
 * read lines through {@link #parse}. Immutable, so thread-safe.
 *
 * <p>The rules, the same for every reader:
 *
 * <ul>
 *   <li>{@code thingName}, {@code timestamp}, {@code roomOccupancy} and {@code source} are
 *       required: the job has written them on every result since its first version, so a line
 *       without one (absent or null) is not a result and is an {@link IllegalArgumentException}
 *       ({@code "no timestamp"}).
 *   <li>Every other field is optional: absent or null reads as null, except {@code room} (the
 *       thing's own room, as the job decides it) and {@code deviceOccupancy} (the room's decision:
 *       results written before the rooms stage carry no device decision).
 *   <li>A field present with the wrong type (text for a number, a fraction for a timestamp) is an
 *       {@link IllegalArgumentException} naming it: the line is not what the job writes.
 *   <li>Fields this class does not name are ignored.
 * </ul>
 */
public final class ResultLine {
    public static final String ID = "id";
    public static final String THING_NAME = "thingName";
    public static final String TIMESTAMP = "timestamp";
    public static final String TEMPERATURE = "temperature";
    public static final String SOUND = "sound";
    public static final String HVAC_STATUS = "hvacStatus";
    public static final String ROOM_OCCUPANCY = "roomOccupancy";
    public static final String PROBABILITY = "probability";
    public static final String SOURCE = "source";
    public static final String MODEL_VERSION = "modelVersion";
    public static final String FALLBACK_REASON = "fallbackReason";
    public static final String REPORTED_OCCUPANCY = "reportedOccupancy";
    public static final String ROOM = "room";
    public static final String DEVICE_OCCUPANCY = "deviceOccupancy";
    public static final String ROOM_SCORE = "roomScore";
    public static final String ROOM_VOTERS = "roomVoters";

    /** The {@link #source} of a result the rule decided because the model did not answer. */
    private static final String FALLBACK_SOURCE = "fallback";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEXT = "text";
    private static final String BOOLEAN = "true or false";

    /** The reading's id as the job wrote it ({@code thingName:timestamp}); null when absent. */
    public final String id;

    public final String thingName;

    /** Event time, epoch seconds. */
    public final long timestamp;

    public final Double temperature;
    public final Double sound;
    public final String hvacStatus;

    /** The room's decision. */
    public final boolean roomOccupancy;

    /** The device's probability; null when the rule or a fallback decided. */
    public final Double probability;

    /**
     * What decided: the job's score source label ({@code rule}, {@code model}, {@code fallback}).
     */
    public final String source;

    public final String modelVersion;
    public final String fallbackReason;

    /** The occupancy the reading reported (its label); null when unlabelled. */
    public final Boolean reportedOccupancy;

    /** The device's room; its thing name when the line names none. */
    public final String room;

    /** The device's own decision; the room's when the line has none. */
    public final boolean deviceOccupancy;

    /** The room's fused score; null when the room's decision had no probability to fuse. */
    public final Double roomScore;

    /** How many of the room's devices were fresh and voted. */
    public final Integer roomVoters;

    private ResultLine(JsonNode json) {
        thingName = required(json, THING_NAME, JsonNode::isTextual, TEXT).textValue();
        timestamp = required(json, TIMESTAMP, ResultLine::isLong, "a whole number").longValue();
        roomOccupancy = required(json, ROOM_OCCUPANCY, JsonNode::isBoolean, BOOLEAN).booleanValue();
        source = required(json, SOURCE, JsonNode::isTextual, TEXT).textValue();
        id = text(json, ID);
        temperature = number(json, TEMPERATURE);
        sound = number(json, SOUND);
        hvacStatus = text(json, HVAC_STATUS);
        probability = number(json, PROBABILITY);
        modelVersion = text(json, MODEL_VERSION);
        fallbackReason = text(json, FALLBACK_REASON);
        reportedOccupancy = bool(json, REPORTED_OCCUPANCY);
        String namedRoom = text(json, ROOM);
        room = namedRoom == null ? thingName : namedRoom;
        Boolean device = bool(json, DEVICE_OCCUPANCY);
        deviceOccupancy = device == null ? roomOccupancy : device;
        roomScore = number(json, ROOM_SCORE);
        JsonNode voters = optional(json, ROOM_VOTERS, ResultLine::isInt, "a whole number");
        roomVoters = voters == null ? null : voters.intValue();
    }

    /**
     * Reads one line.
     *
     * @throws IllegalArgumentException when the line is not a JSON object or breaks the rules above
     */
    public static ResultLine parse(String line) {
        JsonNode json;
        try {
            json = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return new ResultLine(json);
    }

    /** Whether the model did not answer and the rule decided instead. */
    public boolean isFallback() {
        return FALLBACK_SOURCE.equals(source);
    }

    /** The room's score: the fused score of its fresh devices, else this device's probability. */
    public Double score() {
        return roomScore != null ? roomScore : probability;
    }

    private static JsonNode required(
            JsonNode json, String field, Predicate<JsonNode> hasType, String type) {
        JsonNode value = optional(json, field, hasType, type);
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = optional(json, field, JsonNode::isTextual, TEXT);
        return value == null ? null : value.textValue();
    }

    private static Double number(JsonNode json, String field) {
        JsonNode value = optional(json, field, JsonNode::isNumber, "a number");
        return value == null ? null : value.doubleValue();
    }

    private static Boolean bool(JsonNode json, String field) {
        JsonNode value = optional(json, field, JsonNode::isBoolean, BOOLEAN);
        return value == null ? null : value.booleanValue();
    }

    /**
     * The field's value; null when absent or null.
     *
     * @throws IllegalArgumentException when it is there but not of the type the job writes
     */
    private static JsonNode optional(
            JsonNode json, String field, Predicate<JsonNode> hasType, String type) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!hasType.test(value)) {
            throw new IllegalArgumentException(field + " is not " + type + ": " + value);
        }
        return value;
    }

    private static boolean isLong(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong();
    }

    private static boolean isInt(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt();
    }
}
