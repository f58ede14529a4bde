package io.occupancystream.model.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResultLineTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The default of a required field: the line is rejected. */
    private static final Object REQUIRED = new Object();

    /** A line as the job writes it, every field set, and each value told apart from its default. */
    private static ObjectNode full() {
        return MAPPER.createObjectNode()
                .put("id", "t1:1513965600")
                .put("thingName", "t1")
                .put("timestamp", 1513965600L)
                .put("temperature", 71.5)
                .put("sound", 12.25)
                .put("hvacStatus", "HEATING")
                .put("roomOccupancy", true)
                .put("probability", 0.75)
                .put("source", "fallback")
                .put("modelVersion", "occupancy-xgb-3")
                .put("fallbackReason", "TIMEOUT")
                .put("reportedOccupancy", false)
                .put("room", "lab")
                .put("deviceOccupancy", false)
                .put("roomScore", 0.625)
                .put("roomVoters", 3)
                .put("futureField", "ignored");
    }

    /** Every field: its name, how a reader gets it, its value in {@link #full}, and its default. */
    static Stream<Arguments> fields() {
        return Stream.of(
                field(ResultLine.ID, r -> r.id, "t1:1513965600", null),
                field(ResultLine.THING_NAME, r -> r.thingName, "t1", REQUIRED),
                field(ResultLine.TIMESTAMP, r -> r.timestamp, 1513965600L, REQUIRED),
                field(ResultLine.TEMPERATURE, r -> r.temperature, 71.5, null),
                field(ResultLine.SOUND, r -> r.sound, 12.25, null),
                field(ResultLine.HVAC_STATUS, r -> r.hvacStatus, "HEATING", null),
                field(ResultLine.ROOM_OCCUPANCY, r -> r.roomOccupancy, true, REQUIRED),
                field(ResultLine.PROBABILITY, r -> r.probability, 0.75, null),
                field(ResultLine.SOURCE, r -> r.source, "fallback", REQUIRED),
                field(ResultLine.MODEL_VERSION, r -> r.modelVersion, "occupancy-xgb-3", null),
                field(ResultLine.FALLBACK_REASON, r -> r.fallbackReason, "TIMEOUT", null),
                field(ResultLine.REPORTED_OCCUPANCY, r -> r.reportedOccupancy, false, null),
                // The thing's own room, as the job decides it.
                field(ResultLine.ROOM, r -> r.room, "lab", "t1"),
                // Lines from before the rooms stage: the room's decision is the device's.
                field(ResultLine.DEVICE_OCCUPANCY, r -> r.deviceOccupancy, false, true),
                field(ResultLine.ROOM_SCORE, r -> r.roomScore, 0.625, null),
                field(ResultLine.ROOM_VOTERS, r -> r.roomVoters, 3, null));
    }

    private static Arguments field(
            String name, Function<ResultLine, Object> get, Object value, Object absent) {
        return Arguments.of(name, get, value, absent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void presentFieldIsReadAsWritten(
            String name, Function<ResultLine, Object> get, Object value, Object absent) {
        assertThat(get.apply(ResultLine.parse(full().toString()))).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void absentOrNullFieldIsItsDefaultOrRejectedWhenRequired(
            String name, Function<ResultLine, Object> get, Object value, Object absent) {
        ObjectNode without = full();
        without.remove(name);
        ObjectNode withNull = full();
        withNull.putNull(name);

        for (ObjectNode line : List.of(without, withNull)) {
            if (absent == REQUIRED) {
                assertThatThrownBy(() -> ResultLine.parse(line.toString()))
                        .as(line.toString())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("no " + name);
            } else {
                assertThat(get.apply(ResultLine.parse(line.toString())))
                        .as(line.toString())
                        .isEqualTo(absent);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void fieldOfAnotherTypeIsRejected(
            String name, Function<ResultLine, Object> get, Object value, Object absent) {
        ObjectNode line = full();
        // Text where the job writes a number or a boolean; a number where it writes text.
        Object wrong = value instanceof String ? 7 : String.valueOf(value);
        line.set(name, MAPPER.valueToTree(wrong));

        assertThatThrownBy(() -> ResultLine.parse(line.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " is not ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1513965600.5", "99999999999999999999"})
    void timestampThatIsNotAWholeLongIsRejected(String timestamp) {
        String line = full().toString().replace("1513965600,", timestamp + ",");

        assertThatThrownBy(() -> ResultLine.parse(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("timestamp is not a whole number: ");
    }

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                Arguments.of("not json", "not JSON: "),
                Arguments.of("{\"thingName\":\"t1\",", "not JSON: "),
                Arguments.of("", "not a JSON object"),
                Arguments.of("[]", "not a JSON object"),
                Arguments.of("42", "not a JSON object"),
                Arguments.of("null", "not a JSON object"),
                // The required fields are checked in the order a line is written.
                Arguments.of("{}", "no thingName"),
                Arguments.of("{\"thingName\":\"t1\"}", "no timestamp"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformedLines")
    void malformedLineIsRejectedWithTheReason(String line, String reason) {
        assertThatThrownBy(() -> ResultLine.parse(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(reason);
    }

    @ParameterizedTest(name = "roomOccupancy {0}")
    @ValueSource(booleans = {true, false})
    void lineWithoutRoomOrDeviceOccupancyIsItsThingsRoomAndTheRoomsDecision(boolean room) {
        String line =
                "{\"thingName\":\"t1\",\"timestamp\":10,\"roomOccupancy\":"
                        + room
                        + ",\"source\":\"rule\"}";

        ResultLine result = ResultLine.parse(line);

        assertThat(result.room).isEqualTo("t1");
        assertThat(result.deviceOccupancy).isEqualTo(room);
        assertThat(result.score()).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"fallback, true", "model, false", "rule, false"})
    void onlyAFallbackSourceIsAFallback(String source, boolean fallback) {
        assertThat(ResultLine.parse(full().put("source", source).toString()).isFallback())
                .isEqualTo(fallback);
    }

    static Stream<Arguments> scores() {
        return Stream.of(
                Arguments.of(0.625, 0.75, 0.625),
                Arguments.of(null, 0.75, 0.75),
                Arguments.of(0.625, null, 0.625),
                Arguments.of(null, null, null));
    }

    @ParameterizedTest(name = "roomScore {0}, probability {1}: {2}")
    @MethodSource("scores")
    void scoreIsTheRoomsFusedScoreElseTheDevicesProbability(
            Double roomScore, Double probability, Double score) {
        ObjectNode line = full().put("roomScore", roomScore).put("probability", probability);

        assertThat(ResultLine.parse(line.toString()).score()).isEqualTo(score);
    }
}
