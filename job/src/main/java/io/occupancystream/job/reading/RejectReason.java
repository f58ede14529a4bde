package io.occupancystream.job.reading;

/** Why a raw record is not a valid reading. The names are the dead-letter reason codes. */
public enum RejectReason {
    /** Larger than {@link ReadingJson#MAX_BYTES} in UTF-8. */
    OVERSIZE,
    /** Not parseable as one JSON value (including empty input and trailing garbage). */
    MALFORMED_JSON,
    /** A required field is absent, null or empty. */
    MISSING_FIELD,
    /** A field has the wrong JSON type, or the root is not an object. */
    WRONG_TYPE,
    /** thingName does not follow AWS IoT's thing-name rules. */
    INVALID_THING_NAME,
    /** timestamp is zero or negative. */
    TIMESTAMP_NOT_POSITIVE,
    /** timestamp lies further in the future than the allowed clock skew (often milliseconds). */
    TIMESTAMP_IN_FUTURE,
    /** temperature or sound is NaN or infinite. */
    NOT_FINITE,
    /** sound is below zero. */
    NEGATIVE_SOUND,
    /** temperature is outside the range a room thermostat can report. */
    TEMPERATURE_OUT_OF_RANGE,
    /** hvacStatus is not one of HEATING, COOLING, STANDBY. */
    UNKNOWN_HVAC_STATUS,
    /**
     * room is not a value a thing's registry attribute can hold (1-800 of a-z A-Z 0-9 _.,@/:#=[]-).
     */
    INVALID_ROOM
}
