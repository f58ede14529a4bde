package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.job.testing.Recordings;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as bin/job runs it: a local MiniCluster, settings, outputs and summary. */
class OccupancyJobCliClusterTest {
    private static final long START = 1513918800L;

    @Test
    void replaysAGzipRecordingAndWritesAllOutputsAndTheSummary(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Recordings.simulated(2, 150, START));
        lines.add(lines.get(0));
        lines.add("{\"thingName\":\"x\"}");
        Path recording = dir.resolve("recording.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(recording))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out");

        int code =
                new CommandLine(new OccupancyJob())
                        .execute(
                                "--replay",
                                recording.toString(),
                                "--out",
                                out.toString(),
                                "--set",
                                "job.checkpoint-interval=1 s",
                                // The repeated first reading comes 75 min of event time after it,
                                // beyond the default hour: once a watermark passes that hour
                                // (sooner on a busy machine) it is new again, by design.
                                "--set",
                                "dedup.retention=1 d");

        assertThat(code).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("readingsIn").asLong()).isEqualTo(302);
        assertThat(summary.get("valid").asLong()).isEqualTo(301);
        assertThat(summary.at("/deadLetters/byReason/MISSING_FIELD").asLong()).isEqualTo(1);
        assertThat(summary.get("duplicates").asLong()).isEqualTo(1);
        assertThat(summary.get("trainingRows").asLong()).isEqualTo(300);
        assertThat(summary.at("/results/bySource/rule").asLong()).isEqualTo(300);
        assertThat(summary.at("/againstLabels/all/labelled").asLong()).isEqualTo(300);
        assertThat(summary.at("/checks/everyRecordAccountedFor").asBoolean()).isTrue();
        assertThat(summary.at("/checks/everyReadingScored").asBoolean()).isTrue();
        assertThat(Recordings.committedLines(out.resolve("results"), ".jsonl")).hasSize(300);
        assertThat(Recordings.committedLines(out.resolve("dead-letters"), ".jsonl")).hasSize(1);
        assertThat(Recordings.committedFiles(out.resolve("training"), ".csv")).isNotEmpty();
    }

    @Test
    void badSettingExitsWithUsageCodeAndNamesTheKey() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new OccupancyJob()).setErr(new PrintWriter(err, true));

        int code = cli.execute("--set", "training.window=7 min");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "Invalid configuration: training.window = '7 min' is invalid: expected a"
                                + " duration that divides one day (for example 15 min, 1 h, 1 d)"
                                + System.lineSeparator());
    }
}
