package io.occupancystream.job.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReadingJsonTest {
    private static final long NOW = 1_700_000_000L;
    private static final String VALID =
            "{\"thingName\":\"roe-s1\",\"timestamp\":1513919981,\"state\":{\"reported\":"
                    + "{\"temperature\":76.89,\"sound\":0.08,\"hvacStatus\":\"STANDBY\","
                    + "\"roomOccupancy\":true}}}";

    @Test
    void parsesTheContractExample() {
        ParsedReading parsed = ReadingJson.parse(VALID, NOW);

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.reading())
                .isEqualTo(
                        new Reading("roe-s1", 1513919981L, 76.89, 0.08, HvacStatus.STANDBY, true));
    }

    @Test
    void optionalFieldsMayBeAbsentOrNullAndUnknownFieldsAreIgnored() {
        String json =
                "{\"thingName\":\"t\",\"timestamp\":5,\"version\":7,\"state\":{\"reported\":"
                        + "{\"temperature\":-40,\"sound\":0,\"hvacStatus\":null,\"extra\":[1]},"
                        + "\"desired\":{}}}";

        ParsedReading parsed = ReadingJson.parse(json, NOW);

        assertThat(parsed.reading()).isEqualTo(new Reading("t", 5, -40.0, 0.0, null, null));
    }

    @Test
    void writeProducesWhatParseReads() {
        Reading reading = new Reading("dev:1_a-b", 42, 140.0, 255.0, HvacStatus.COOLING, false);

        String json = ReadingJson.write(reading);

        assertThat(json)
                .isEqualTo(
                        "{\"thingName\":\"dev:1_a-b\",\"timestamp\":42,\"state\":{\"reported\":"
                            + "{\"temperature\":140.0,\"sound\":255.0,\"hvacStatus\":\"COOLING\","
                            + "\"roomOccupancy\":false}}}");
        assertThat(ReadingJson.parse(json, NOW).reading()).isEqualTo(reading);
    }

    @Test
    void theRoomComesFromTheTopLevelFieldTheIotRuleAdds() {
        String json =
                VALID.substring(0, VALID.length() - 1) + ",\"room\":\"bldg-1/floor:2#lab_[a]\"}";

        Reading reading = ReadingJson.parse(json, NOW).reading();

        assertThat(reading.room).isEqualTo("bldg-1/floor:2#lab_[a]");
        assertThat(ReadingJson.parse(ReadingJson.write(reading), NOW).reading()).isEqualTo(reading);
    }

    @Test
    void anAbsentNullOrEmptyRoomLeavesTheRoomToTheJob() {
        String head = VALID.substring(0, VALID.length() - 1);
        for (String json :
                new String[] {VALID, head + ",\"room\":null}", head + ",\"room\":\"\"}"}) {
            assertThat(ReadingJson.parse(json, NOW).reading().room).as(json).isNull();
        }
    }

    @Test
    void aRoomThatNoThingAttributeCouldHoldIsRejected() {
        String head = VALID.substring(0, VALID.length() - 1);

        assertThat(ReadingJson.parse(head + ",\"room\":7}", NOW).reason())
                .isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(ReadingJson.parse(head + ",\"room\":\"lab 2\"}", NOW).reason())
                .isEqualTo(RejectReason.INVALID_ROOM);
        assertThat(ReadingJson.parse(head + ",\"room\":\"" + "r".repeat(801) + "\"}", NOW).reason())
                .isEqualTo(RejectReason.INVALID_ROOM);
        assertThat(
                        ReadingJson.parse(head + ",\"room\":\"" + "r".repeat(800) + "\"}", NOW)
                                .isValid())
                .isTrue();
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("", RejectReason.MALFORMED_JSON),
                Arguments.of("   ", RejectReason.MALFORMED_JSON),
                Arguments.of("not json", RejectReason.MALFORMED_JSON),
                Arguments.of("{\"thingName\":\"a\",", RejectReason.MALFORMED_JSON),
                Arguments.of(reading("\"a\"", "1", "70", "1") + " {}", RejectReason.MALFORMED_JSON),
                Arguments.of(
                        "{\"thingName\":\"a\",\"thingName\":\"b\",\"timestamp\":1,"
                                + "\"state\":{\"reported\":{\"temperature\":1,\"sound\":1}}}",
                        RejectReason.MALFORMED_JSON),
                Arguments.of("[1,2]", RejectReason.WRONG_TYPE),
                Arguments.of("42", RejectReason.WRONG_TYPE),
                Arguments.of(
                        "{\"timestamp\":1,\"state\":{\"reported\":{\"temperature\":1,\"sound\":1}}}",
                        RejectReason.MISSING_FIELD),
                Arguments.of(reading("null", "1", "70", "1"), RejectReason.MISSING_FIELD),
                Arguments.of(reading("\"\"", "1", "70", "1"), RejectReason.MISSING_FIELD),
                Arguments.of(reading("\"a\"", "null", "70", "1"), RejectReason.MISSING_FIELD),
                Arguments.of("{\"thingName\":\"a\",\"timestamp\":1}", RejectReason.MISSING_FIELD),
                Arguments.of(
                        "{\"thingName\":\"a\",\"timestamp\":1,\"state\":{}}",
                        RejectReason.MISSING_FIELD),
                Arguments.of(
                        "{\"thingName\":\"a\",\"timestamp\":1,\"state\":{\"reported\":{\"sound\":1}}}",
                        RejectReason.MISSING_FIELD),
                Arguments.of(reading("\"a\"", "1", "70", "null"), RejectReason.MISSING_FIELD),
                Arguments.of(reading("7", "1", "70", "1"), RejectReason.WRONG_TYPE),
                Arguments.of(reading("\"a\"", "\"1\"", "70", "1"), RejectReason.WRONG_TYPE),
                Arguments.of(reading("\"a\"", "1.5", "70", "1"), RejectReason.WRONG_TYPE),
                Arguments.of(reading("\"a\"", "1", "\"70\"", "1"), RejectReason.WRONG_TYPE),
                Arguments.of(reading("\"a\"", "1", "70", "true"), RejectReason.WRONG_TYPE),
                Arguments.of(
                        "{\"thingName\":\"a\",\"timestamp\":1,\"state\":[]}",
                        RejectReason.WRONG_TYPE),
                Arguments.of(
                        "{\"thingName\":\"a\",\"timestamp\":1,\"state\":{\"reported\":\"x\"}}",
                        RejectReason.WRONG_TYPE),
                Arguments.of(withReported("\"hvacStatus\":1"), RejectReason.WRONG_TYPE),
                Arguments.of(withReported("\"roomOccupancy\":\"yes\""), RejectReason.WRONG_TYPE),
                Arguments.of(reading("\"a b\"", "1", "70", "1"), RejectReason.INVALID_THING_NAME),
                Arguments.of(reading("\"a/b\"", "1", "70", "1"), RejectReason.INVALID_THING_NAME),
                Arguments.of(
                        reading("\"" + "x".repeat(129) + "\"", "1", "70", "1"),
                        RejectReason.INVALID_THING_NAME),
                Arguments.of(reading("\"a\"", "0", "70", "1"), RejectReason.TIMESTAMP_NOT_POSITIVE),
                Arguments.of(
                        reading("\"a\"", "-5", "70", "1"), RejectReason.TIMESTAMP_NOT_POSITIVE),
                Arguments.of(
                        reading("\"a\"", "-99999999999999999999999", "70", "1"),
                        RejectReason.TIMESTAMP_NOT_POSITIVE),
                Arguments.of(
                        reading("\"a\"", "1513919981000", "70", "1"),
                        RejectReason.TIMESTAMP_IN_FUTURE),
                Arguments.of(
                        reading("\"a\"", String.valueOf(NOW + 1), "70", "1"),
                        RejectReason.TIMESTAMP_IN_FUTURE),
                Arguments.of(
                        reading("\"a\"", "99999999999999999999999", "70", "1"),
                        RejectReason.TIMESTAMP_IN_FUTURE),
                Arguments.of(reading("\"a\"", "1", "NaN", "1"), RejectReason.NOT_FINITE),
                Arguments.of(reading("\"a\"", "1", "70", "Infinity"), RejectReason.NOT_FINITE),
                Arguments.of(reading("\"a\"", "1", "70", "-Infinity"), RejectReason.NOT_FINITE),
                Arguments.of(reading("\"a\"", "1", "1e999", "1"), RejectReason.NOT_FINITE),
                Arguments.of(reading("\"a\"", "1", "70", "-0.01"), RejectReason.NEGATIVE_SOUND),
                Arguments.of(
                        reading("\"a\"", "1", "140.01", "1"),
                        RejectReason.TEMPERATURE_OUT_OF_RANGE),
                Arguments.of(
                        reading("\"a\"", "1", "-40.5", "1"), RejectReason.TEMPERATURE_OUT_OF_RANGE),
                Arguments.of(
                        withReported("\"hvacStatus\":\"heating\""),
                        RejectReason.UNKNOWN_HVAC_STATUS),
                Arguments.of(
                        withReported("\"hvacStatus\":\"OFF\""), RejectReason.UNKNOWN_HVAC_STATUS),
                Arguments.of(
                        withReported("\"pad\":\"" + "x".repeat(ReadingJson.MAX_BYTES) + "\""),
                        RejectReason.OVERSIZE));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("rejected")
    void rejectsWithReason(String raw, RejectReason expected) {
        ParsedReading parsed = ReadingJson.parse(raw, NOW);

        assertThat(parsed.isValid()).as(raw).isFalse();
        assertThat(parsed.reason()).as(parsed.detail()).isEqualTo(expected);
        assertThat(parsed.detail()).isNotBlank();
    }

    @Test
    void recordOfExactlyMaxBytesIsReadAndOneMoreByteIsOversize() {
        int padding = ReadingJson.MAX_BYTES - withReported("\"pad\":\"\"").length();
        String exact = withReported("\"pad\":\"" + "x".repeat(padding) + "\"");
        String oneMore = withReported("\"pad\":\"" + "x".repeat(padding - 1) + "é\"");

        assertThat(ReadingJson.parse(exact, NOW).isValid()).isTrue();
        assertThat(ReadingJson.parse(oneMore, NOW).reason()).isEqualTo(RejectReason.OVERSIZE);
    }

    @Test
    void futureTimestampDetailSuspectsMillisecondsOnlyWhenItLooksLikeThem() {
        assertThat(ReadingJson.parse(reading("\"a\"", "1513919981000", "70", "1"), NOW).detail())
                .isEqualTo(
                        "timestamp 1513919981000 is after 1700000000 (epoch seconds expected, not"
                                + " milliseconds)");
        assertThat(ReadingJson.parse(reading("\"a\"", "1900000000", "70", "1"), NOW).detail())
                .isEqualTo("timestamp 1900000000 is after 1700000000");
    }

    @Test
    void missingFieldDetailNamesThePath() {
        ParsedReading parsed =
                ReadingJson.parse(
                        "{\"thingName\":\"a\",\"timestamp\":1,\"state\":{\"reported\":{\"sound\":1}}}",
                        NOW);

        assertThat(parsed.detail()).isEqualTo("state.reported.temperature is missing");
    }

    private static String reading(
            String thingName, String timestamp, String temperature, String sound) {
        return "{\"thingName\":"
                + thingName
                + ",\"timestamp\":"
                + timestamp
                + ",\"state\":{\"reported\":{\"temperature\":"
                + temperature
                + ",\"sound\":"
                + sound
                + "}}}";
    }

    private static String withReported(String extraField) {
        return "{\"thingName\":\"a\",\"timestamp\":1,\"state\":{\"reported\":"
                + "{\"temperature\":70,\"sound\":1,"
                + extraField
                + "}}}";
    }
}
