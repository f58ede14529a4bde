package io.occupancystream.devicesim.roe;

import static io.occupancystream.devicesim.roe.RoeFirstRows.FIRST_ROW;
import static io.occupancystream.devicesim.roe.RoeFirstRows.HEADER;
import static io.occupancystream.devicesim.roe.RoeFirstRows.SECOND_ROW;
import static io.occupancystream.devicesim.roe.RoeFirstRows.THIRD_ROW;
import static io.occupancystream.devicesim.roe.RoeFirstRows.csv;
import static io.occupancystream.devicesim.roe.RoeFirstRows.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.occupancystream.devicesim.InputDataException;
import io.occupancystream.job.reading.ParsedReading;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RoeRecordingConverterTest {
    private static final long LATEST_ALLOWED =
            Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    @Test
    void convertsTheFirstRowsOfTheDataset() throws IOException {
        RoeRecording recording =
                read(Files.readString(RoeFirstRows.path(), StandardCharsets.UTF_8));

        assertThat(recording.rowCount()).isEqualTo(3);
        assertThat(written(recording)).isEqualTo(RoeFirstRows.jsonText());
    }

    @Test
    void writesLinesThatParseBackToTheSameReadings() throws IOException {
        RoeRecording recording = read(csv(FIRST_ROW, SECOND_ROW, THIRD_ROW));

        String[] lines = written(recording).split("\n");
        assertThat(lines).hasSize(recording.readings().size());
        for (int i = 0; i < lines.length; i++) {
            ParsedReading parsed = ReadingJson.parse(lines[i], LATEST_ALLOWED);
            assertThat(parsed.isValid()).as("line %d: %s", i + 1, parsed).isTrue();
            assertThat(parsed.reading()).isEqualTo(recording.readings().get(i));
        }
    }

    @Test
    void sortsByTimestampThenThingWhateverTheRowOrder() throws IOException {
        RoeRecording recording = read(csv(THIRD_ROW, FIRST_ROW, SECOND_ROW));

        assertThat(written(recording)).isEqualTo(RoeFirstRows.jsonText());
    }

    @Test
    void findsColumnsByName() throws IOException {
        String reversedColumns =
                Stream.of(HEADER, FIRST_ROW, SECOND_ROW, THIRD_ROW)
                        .map(RoeRecordingConverterTest::reverseFields)
                        .collect(Collectors.joining("\n", "", "\n"));

        assertThat(written(read(reversedColumns))).isEqualTo(RoeFirstRows.jsonText());
    }

    @ParameterizedTest(name = "{0} {1} in India is epoch second {2}")
    @CsvSource({
        "2017/12/22, 10:49:41, 1513919981", // 05:19:41 UTC
        "2017/12/22, 00:00:00, 1513881000", // 2017-12-21 18:30:00 UTC
        "2018/01/01, 05:29:59, 1514764799", // 2017-12-31 23:59:59 UTC
        "2018/01/01, 05:30:00, 1514764800", // 2018-01-01 00:00:00 UTC
    })
    void readsDateAndTimeAsIndiaTime(String date, String time, long epochSeconds)
            throws IOException {
        RoeRecording recording = read(csv(with(with(FIRST_ROW, "Date", date), "Time", time)));

        assertThat(recording.readings()).extracting(r -> r.timestamp).containsOnly(epochSeconds);
    }

    @ParameterizedTest(name = "{0} C is {1} F")
    @CsvSource({
        "24.94, 76.892",
        "25, 77.0",
        "24.69, 76.442", // double arithmetic gives 76.44200000000001
        "25.31, 77.558", // double arithmetic gives 77.55799999999999
        "0, 32.0",
        "-40, -40.0",
        "37.5, 99.5",
    })
    void convertsCelsiusToFahrenheitExactly(BigDecimal celsius, double fahrenheit) {
        assertThat(RoeRecordingConverter.fahrenheit(celsius)).isEqualTo(fahrenheit);
    }

    @ParameterizedTest(name = "Room_Occupancy_Count {0} is roomOccupancy {1}")
    @CsvSource({"0, false", "1, true", "2, true", "3, true"})
    void labelsOccupiedWhenAnyoneIsInTheRoom(String count, boolean occupied) throws IOException {
        RoeRecording recording = read(csv(with(FIRST_ROW, "Room_Occupancy_Count", count)));

        assertThat(recording.readings())
                .extracting(r -> r.roomOccupancy)
                .containsExactly(occupied, occupied, occupied, occupied);
    }

    @Test
    void keepsSoundAsRecordedAndReportsNoHvacStatus() throws IOException {
        Reading reading = read(csv(SECOND_ROW)).readings().get(0);

        assertThat(reading.sound).isEqualTo(0.93);
        assertThat(reading.hvacStatus).isNull();
    }

    static Stream<Arguments> unusableFiles() {
        return Stream.of(
                arguments("", "test.csv line 1: empty file, expected a header"),
                arguments(
                        HEADER.replace("S3_Sound", "S3_Noise") + "\n" + FIRST_ROW + "\n",
                        "test.csv line 1: header has no column S3_Sound"),
                arguments(
                        HEADER.replace("S5_CO2,", "S1_Temp,") + "\n" + FIRST_ROW + "\n",
                        "test.csv line 1: column S1_Temp appears twice"),
                arguments(csv(), "test.csv line 1: header but no rows"),
                arguments(
                        csv(FIRST_ROW, with(SECOND_ROW, "S2_Temp", "24.75C")),
                        "test.csv line 3: S2_Temp is not a number: '24.75C'"),
                arguments(
                        csv(with(FIRST_ROW, "S4_Sound", "")),
                        "test.csv line 2: S4_Sound is not a number: ''"),
                arguments(
                        csv(with(FIRST_ROW, "S1_Sound", "NaN")),
                        "test.csv line 2: S1_Sound is not a number: 'NaN'"),
                arguments(
                        csv(FIRST_ROW.substring(0, FIRST_ROW.lastIndexOf(','))),
                        "test.csv line 2: expected 19 fields like the header, got 18"),
                arguments(
                        csv(FIRST_ROW, ""),
                        "test.csv line 3: expected 19 fields like the header, got 1"),
                arguments(
                        csv(with(FIRST_ROW, "Date", "2017-12-22")),
                        "test.csv line 2: Date and Time must be yyyy/MM/dd and HH:mm:ss,"
                                + " got '2017-12-22' and '10:49:41'"),
                arguments(
                        csv(with(FIRST_ROW, "Time", "24:00:00")),
                        "test.csv line 2: Date and Time must be yyyy/MM/dd and HH:mm:ss,"
                                + " got '2017/12/22' and '24:00:00'"),
                arguments(
                        csv(with(FIRST_ROW, "Room_Occupancy_Count", "-1")),
                        "test.csv line 2: Room_Occupancy_Count must be a number of people, got"
                                + " '-1'"),
                arguments(
                        csv(with(FIRST_ROW, "Room_Occupancy_Count", "one")),
                        "test.csv line 2: Room_Occupancy_Count must be a number of people, got"
                                + " 'one'"),
                arguments(
                        csv(FIRST_ROW, SECOND_ROW, FIRST_ROW),
                        "test.csv line 4: same Date and Time as line 2"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unusableFiles")
    void rejectsAnUnusableFileNamingTheLine(String csv, String message) {
        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(InputDataException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "S1_Temp, 61, 'test.csv line 2: S1 gives a reading the job rejects,"
                + " TEMPERATURE_OUT_OF_RANGE'",
        "S3_Sound, -0.01, 'test.csv line 2: S3 gives a reading the job rejects, NEGATIVE_SOUND'",
    })
    void rejectsARowGivingAReadingTheJobWouldReject(String column, String value, String message) {
        assertThatThrownBy(() -> read(csv(with(FIRST_ROW, column, value))))
                .isInstanceOf(InputDataException.class)
                .hasMessageStartingWith(message);
    }

    private static RoeRecording read(String csv) throws IOException {
        return RoeRecordingConverter.read(new BufferedReader(new StringReader(csv)), "test.csv");
    }

    private static String written(RoeRecording recording) throws IOException {
        StringWriter out = new StringWriter();
        RoeRecordingConverter.write(recording.readings(), out);
        return out.toString();
    }

    private static String reverseFields(String line) {
        List<String> fields = new ArrayList<>(Arrays.asList(line.split(",", -1)));
        Collections.reverse(fields);
        return String.join(",", fields);
    }
}
