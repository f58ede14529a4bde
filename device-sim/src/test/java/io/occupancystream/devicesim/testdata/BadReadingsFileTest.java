package io.occupancystream.devicesim.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.occupancystream.job.reading.ParsedReading;
import io.occupancystream.job.reading.ReadingJson;
import io.occupancystream.job.reading.RejectReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * test-data/bad-readings.jsonl holds one bad record per line, and line N of
 * test-data/bad-readings.reasons names the reason the job gives for line N.
 */
class BadReadingsFileTest {
    private static final Path TEST_DATA = Path.of("..", "test-data");
    private static final long LATEST_ALLOWED =
            Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    static Stream<Arguments> badReadings() throws IOException {
        List<String> records = records();
        List<String> reasons = reasons();
        return IntStream.range(0, Math.min(records.size(), reasons.size()))
                .mapToObj(i -> arguments(i + 1, reasons.get(i), records.get(i)));
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("badReadings")
    void isRejectedForTheExpectedReason(int lineNumber, String reason, String record) {
        ParsedReading parsed = ReadingJson.parse(record, LATEST_ALLOWED);

        assertThat(parsed.isValid()).as("line %d is valid: %s", lineNumber, parsed).isFalse();
        assertThat(parsed.reason().name()).as("line %d: %s", lineNumber, parsed).isEqualTo(reason);
    }

    @Test
    void hasOneReasonPerRecord() throws IOException {
        assertThat(reasons()).hasSameSizeAs(records());
    }

    @Test
    void coversEveryRejectReason() throws IOException {
        assertThat(reasons().stream().distinct())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(RejectReason.values())
                                .map(Enum::name)
                                .collect(Collectors.toList()));
    }

    /** Line by line, the way the job reads files: an empty line is a record too. */
    private static List<String> records() throws IOException {
        return Files.readAllLines(TEST_DATA.resolve("bad-readings.jsonl"), StandardCharsets.UTF_8);
    }

    private static List<String> reasons() throws IOException {
        return Files.readAllLines(
                TEST_DATA.resolve("bad-readings.reasons"), StandardCharsets.UTF_8);
    }
}
