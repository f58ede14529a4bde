package io.occupancystream.devicesim.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.occupancystream.devicesim.DeviceSim;
import io.occupancystream.devicesim.RecordingFiles;
import io.occupancystream.devicesim.roe.RoeRecordingConverter;
import io.occupancystream.job.reading.ParsedReading;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** test-data/roe-2017-12.jsonl.gz: the UCI Room Occupancy Estimation rows of December 2017. */
class RoeRecordingFileTest {
    private static final Path RECORDING = Path.of("..", "test-data", "roe-2017-12.jsonl.gz");
    private static final Path SHARED_DATASET =
            Path.of(
                    "..",
                    "..",
                    "shared",
                    "datasets",
                    "room-occupancy-estimation",
                    "occupancy_estimation_2017-12.csv");
    private static final long LATEST_ALLOWED =
            Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    @TempDir Path dir;

    @Test
    void holdsFourThermostatsOverTheRowsOfTheDataset() throws IOException {
        List<Reading> readings = new ArrayList<>();
        try (BufferedReader in = RecordingFiles.newReader(RECORDING)) {
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                ParsedReading parsed = ReadingJson.parse(line, LATEST_ALLOWED);
                assertThat(parsed.isValid()).as("line %d: %s", lineNumber, parsed).isTrue();
                assertThat(ReadingJson.write(parsed.reading()))
                        .as("line %d is in the form ReadingJson writes", lineNumber)
                        .isEqualTo(line);
                readings.add(parsed.reading());
            }
        }

        assertThat(readings).hasSize(8_084 * 4);
        assertThat(readings.stream().filter(r -> r.roomOccupancy).count()).isEqualTo(1_607 * 4);
        assertThat(readings.stream().map(Reading::id).distinct().count())
                .isEqualTo(readings.size());
        assertThat(readings).isSortedAccordingTo(RoeRecordingConverter.TIMESTAMP_THEN_THING);
        assertThat(readings.get(0).timestamp)
                .isEqualTo(Instant.parse("2017-12-22T05:19:41Z").getEpochSecond());
        assertThat(readings.get(readings.size() - 1).timestamp)
                .isEqualTo(Instant.parse("2017-12-26T03:40:01Z").getEpochSecond());
        assertThat(
                        readings.stream()
                                .collect(
                                        Collectors.groupingBy(
                                                r -> r.thingName, Collectors.counting())))
                .isEqualTo(
                        List.of("roe-s1", "roe-s2", "roe-s3", "roe-s4").stream()
                                .collect(Collectors.toMap(Function.identity(), name -> 8_084L)));
    }

    @Test
    void isWhatImportRoeWritesForTheSharedDataset() {
        assumeTrue(Files.isRegularFile(SHARED_DATASET), "no shared dataset at " + SHARED_DATASET);
        Path out = dir.resolve("roe-2017-12.jsonl.gz");

        CommandLine commandLine = DeviceSim.commandLine();
        commandLine.setErr(new PrintWriter(new StringWriter()));
        int exitCode =
                commandLine.execute(
                        "import-roe", "--in", SHARED_DATASET.toString(), "--out", out.toString());

        assertThat(exitCode).isZero();
        assertThat(out).hasSameBinaryContentAs(RECORDING);
    }
}
