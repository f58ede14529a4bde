package io.occupancystream.job.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.model.results.ResultLine;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The job writes result lines and {@link ResultLine} reads them: the two cannot drift apart. */
class ResultJsonRoundTripTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A model's result after the rooms stage: every field set, none at its default. */
    private static Result scored() {
        Result r = new Result();
        r.thingName = "roe-s1";
        r.timestamp = 1513965600L;
        r.temperature = 71.5;
        r.sound = 12.25;
        r.hvacStatus = "HEATING";
        r.roomOccupancy = true;
        r.probability = 0.75;
        r.source = ScoreSource.MODEL;
        r.modelVersion = "occupancy-xgb-3";
        r.reportedOccupancy = false;
        r.room = "roe";
        r.deviceOccupancy = false;
        r.roomScore = 0.625;
        r.roomVoters = 3;
        return r;
    }

    /** A fallback before the rooms stage: no probability, label, room or room score. */
    private static Result fallback() {
        Result r = new Result();
        r.thingName = "roe-s2";
        r.timestamp = 1513965630L;
        r.temperature = -3.0;
        r.sound = 0.0;
        r.roomOccupancy = false;
        r.source = ScoreSource.FALLBACK;
        r.fallbackReason = FallbackReason.CIRCUIT_OPEN;
        r.deviceOccupancy = true;
        return r;
    }

    static Stream<Result> results() {
        return Stream.of(scored(), fallback());
    }

    @ParameterizedTest
    @MethodSource("results")
    void readerGetsBackEveryFieldTheJobWrote(Result written) {
        ResultLine read = ResultLine.parse(written.toJson());

        assertThat(read.id).isEqualTo(written.id());
        assertThat(read.thingName).isEqualTo(written.thingName);
        assertThat(read.timestamp).isEqualTo(written.timestamp);
        assertThat(read.temperature).isEqualTo(written.temperature);
        assertThat(read.sound).isEqualTo(written.sound);
        assertThat(read.hvacStatus).isEqualTo(written.hvacStatus);
        assertThat(read.roomOccupancy).isEqualTo(written.roomOccupancy);
        assertThat(read.probability).isEqualTo(written.probability);
        assertThat(read.source).isEqualTo(written.source.label());
        assertThat(read.isFallback()).isEqualTo(written.source == ScoreSource.FALLBACK);
        assertThat(read.modelVersion).isEqualTo(written.modelVersion);
        assertThat(read.fallbackReason)
                .isEqualTo(written.fallbackReason == null ? null : written.fallbackReason.name());
        assertThat(read.reportedOccupancy).isEqualTo(written.reportedOccupancy);
        // A result the rooms stage has not reached is its thing's own room.
        assertThat(read.room).isEqualTo(written.room == null ? written.thingName : written.room);
        assertThat(read.deviceOccupancy).isEqualTo(written.deviceOccupancy);
        assertThat(read.roomScore).isEqualTo(written.roomScore);
        assertThat(read.roomVoters).isEqualTo(written.roomVoters);
    }

    @ParameterizedTest
    @MethodSource("results")
    void jobWritesExactlyTheFieldsTheReaderNames(Result written) throws Exception {
        List<String> keys = new ArrayList<>();
        MAPPER.readTree(written.toJson()).fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactlyInAnyOrderElementsOf(fieldNames());
    }

    @Test
    void lineIsTheJsonTheJobHasAlwaysWritten() {
        assertThat(scored().toJson())
                .isEqualTo(
                        "{\"id\":\"roe-s1:1513965600\",\"thingName\":\"roe-s1\","
                                + "\"timestamp\":1513965600,\"temperature\":71.5,\"sound\":12.25,"
                                + "\"hvacStatus\":\"HEATING\",\"roomOccupancy\":true,"
                                + "\"probability\":0.75,\"source\":\"model\","
                                + "\"modelVersion\":\"occupancy-xgb-3\",\"fallbackReason\":null,"
                                + "\"reportedOccupancy\":false,\"room\":\"roe\","
                                + "\"deviceOccupancy\":false,\"roomScore\":0.625,"
                                + "\"roomVoters\":3}");
    }

    /** ResultLine's field-name constants. */
    private static List<String> fieldNames() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : ResultLine.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                names.add((String) f.get(null));
            }
        }
        return names;
    }
}
