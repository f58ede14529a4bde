package io.occupancystream.job.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The one definition of a reading's JSON: {@code
 * {"thingName":"roe-s1","timestamp":1513919981,"state":{"reported":{"temperature":76.892,"sound":0.08,
 * "hvacStatus":"STANDBY","roomOccupancy":true}},"room":"roe"}}, {@code room} optional (the IoT rule
 * adds it from the thing's registry attributes). Parsing validates every field; writing produces
 * what parsing accepts. Unknown fields are ignored. Thread-safe.
 */
public final class ReadingJson {
    /** Records above this many UTF-8 bytes are rejected unread (the AWS IoT message limit). */
    public static final int MAX_BYTES = 64 * 1024;

    public static final double MIN_TEMPERATURE_F = -40.0;
    public static final double MAX_TEMPERATURE_F = 140.0;

    private static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

    /**
     * A thing attribute's value as the AWS IoT registry allows it (API_AttributePayload), not
     * empty.
     */
    private static final Pattern ROOM = Pattern.compile("[a-zA-Z0-9_.,@/:#=\\[\\]-]{1,800}");

    // NaN and Infinity literals are accepted by the parser so that they are reported as
    // NOT_FINITE rather than as malformed JSON.
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private ReadingJson() {}

    /**
     * Parses and validates one raw record.
     *
     * @param latestAllowedTimestamp epoch seconds; a later timestamp is {@link
     *     RejectReason#TIMESTAMP_IN_FUTURE}
     */
    public static ParsedReading parse(String raw, long latestAllowedTimestamp) {
        if (raw == null) {
            return ParsedReading.rejected(RejectReason.MALFORMED_JSON, "no content");
        }
        // A UTF-8 char is at most 3 bytes per UTF-16 unit, so short records skip the count.
        int bytes = raw.length() <= MAX_BYTES / 3 ? 0 : utf8Length(raw);
        if (bytes > MAX_BYTES) {
            return ParsedReading.rejected(
                    RejectReason.OVERSIZE, bytes + " bytes, more than " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            return ParsedReading.rejected(RejectReason.MALFORMED_JSON, e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return ParsedReading.rejected(RejectReason.MALFORMED_JSON, "empty record");
        }
        if (!root.isObject()) {
            return ParsedReading.rejected(
                    RejectReason.WRONG_TYPE,
                    "a reading is a JSON object, got " + root.getNodeType());
        }
        try {
            return ParsedReading.valid(toReading(root, latestAllowedTimestamp));
        } catch (Rejection r) {
            return ParsedReading.rejected(r.reason, r.getMessage());
        }
    }

    private static Reading toReading(JsonNode root, long latestAllowedTimestamp) {
        required(root, "thingName", "thingName");
        if (!root.get("thingName").isTextual()) {
            throw new Rejection(RejectReason.WRONG_TYPE, "thingName must be a string");
        }
        String thingName = root.get("thingName").asText();
        if (thingName.isEmpty()) {
            throw new Rejection(RejectReason.MISSING_FIELD, "thingName is empty");
        }
        if (!isThingName(thingName)) {
            throw new Rejection(
                    RejectReason.INVALID_THING_NAME,
                    "thingName must be 1-128 characters of a-z A-Z 0-9 : _ -");
        }

        required(root, "timestamp", "timestamp");
        JsonNode ts = root.get("timestamp");
        if (!ts.isIntegralNumber()) {
            throw new Rejection(
                    RejectReason.WRONG_TYPE, "timestamp must be a whole number of epoch seconds");
        }
        int sign = ts.canConvertToLong() ? Long.signum(ts.asLong()) : ts.bigIntegerValue().signum();
        if (sign <= 0) {
            throw new Rejection(
                    RejectReason.TIMESTAMP_NOT_POSITIVE, "timestamp " + ts.asText() + " <= 0");
        }
        if (!ts.canConvertToLong() || ts.asLong() > latestAllowedTimestamp) {
            boolean looksLikeMillis = ts.canConvertToLong() && ts.asLong() > 100_000_000_000L;
            throw new Rejection(
                    RejectReason.TIMESTAMP_IN_FUTURE,
                    "timestamp "
                            + ts.asText()
                            + " is after "
                            + latestAllowedTimestamp
                            + (looksLikeMillis
                                    ? " (epoch seconds expected, not milliseconds)"
                                    : ""));
        }
        long timestamp = ts.asLong();

        required(root, "state", "state");
        JsonNode state = root.get("state");
        if (!state.isObject()) {
            throw new Rejection(RejectReason.WRONG_TYPE, "state must be an object");
        }
        required(state, "reported", "state.reported");
        JsonNode reported = state.get("reported");
        if (!reported.isObject()) {
            throw new Rejection(RejectReason.WRONG_TYPE, "state.reported must be an object");
        }

        double temperature = finiteNumber(reported, "temperature");
        if (temperature < MIN_TEMPERATURE_F || temperature > MAX_TEMPERATURE_F) {
            throw new Rejection(
                    RejectReason.TEMPERATURE_OUT_OF_RANGE,
                    "temperature "
                            + temperature
                            + " F is outside "
                            + MIN_TEMPERATURE_F
                            + ".."
                            + MAX_TEMPERATURE_F);
        }
        double sound = finiteNumber(reported, "sound");
        if (sound < 0) {
            throw new Rejection(RejectReason.NEGATIVE_SOUND, "sound " + sound + " < 0");
        }
        return new Reading(
                        thingName,
                        timestamp,
                        temperature,
                        sound,
                        hvacStatus(reported.get("hvacStatus")),
                        roomOccupancy(reported.get("roomOccupancy")))
                .inRoom(room(root.get("room")));
    }

    // Absent, null or empty: the thing registry has no room attribute for the device, and the job
    // assigns its room (an empty attribute value is how AWS IoT removes an attribute).
    private static String room(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Rejection(RejectReason.WRONG_TYPE, "room must be a string");
        }
        String room = node.asText();
        if (room.isEmpty()) {
            return null;
        }
        if (!isRoom(room)) {
            throw new Rejection(
                    RejectReason.INVALID_ROOM,
                    "room must be 1-800 characters of a-z A-Z 0-9 _ . , @ / : # = [ ] -");
        }
        return room;
    }

    private static String required(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new Rejection(RejectReason.MISSING_FIELD, path + " is missing");
        }
        return path;
    }

    private static double finiteNumber(JsonNode reported, String field) {
        String path = required(reported, field, "state.reported." + field);
        JsonNode node = reported.get(field);
        if (!node.isNumber()) {
            throw new Rejection(RejectReason.WRONG_TYPE, path + " must be a number");
        }
        double value = node.asDouble();
        if (!Double.isFinite(value)) {
            throw new Rejection(RejectReason.NOT_FINITE, path + " is " + value);
        }
        return value;
    }

    private static HvacStatus hvacStatus(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Rejection(
                    RejectReason.WRONG_TYPE, "state.reported.hvacStatus must be a string");
        }
        try {
            return HvacStatus.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            throw new Rejection(
                    RejectReason.UNKNOWN_HVAC_STATUS,
                    "hvacStatus '" + node.asText() + "' is not HEATING, COOLING or STANDBY");
        }
    }

    private static Boolean roomOccupancy(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new Rejection(
                    RejectReason.WRONG_TYPE, "state.reported.roomOccupancy must be true or false");
        }
        return node.asBoolean();
    }

    /** Whether {@code name} is a valid AWS IoT thing name. */
    public static boolean isThingName(String name) {
        return THING_NAME.matcher(name).matches();
    }

    /** Whether {@code name} is a room a thing's registry attribute can hold. */
    public static boolean isRoom(String name) {
        return ROOM.matcher(name).matches();
    }

    /**
     * Writes a reading in the form {@link #parse} reads; optional fields are left out when null.
     */
    public static String write(Reading reading) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("thingName", reading.thingName);
        root.put("timestamp", reading.timestamp);
        ObjectNode reported = root.putObject("state").putObject("reported");
        reported.put("temperature", reading.temperature);
        reported.put("sound", reading.sound);
        if (reading.hvacStatus != null) {
            reported.put("hvacStatus", reading.hvacStatus.name());
        }
        if (reading.roomOccupancy != null) {
            reported.put("roomOccupancy", reading.roomOccupancy);
        }
        if (reading.room != null) {
            root.put("room", reading.room);
        }
        return root.toString();
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Control flow for the first failed check; never escapes this class. */
    private static final class Rejection extends RuntimeException {
        private final RejectReason reason;

        Rejection(RejectReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
