package io.occupancystream.job;

import static io.occupancystream.job.testing.Recordings.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.ingest.DeadLetter;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.RejectReason;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.summary.RunSummary;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.PacedSource;
import io.occupancystream.job.testing.Recordings;
import io.occupancystream.job.training.TrainingRow;
import io.occupancystream.job.training.TrainingSetWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a MiniCluster over a small hand-written recording (simulated readings), with
 * every output checked exactly.
 */
class OccupancyPipelineClusterTest {
    // The training rows the recording implies, worked out by hand: timestamp, thing, room (the
    // thing), sound, then the loud shares against each device's quiet floor (its first reading's
    // minute low until a later minute, loud above twice it), the HVAC columns, then the label.
    /** a's first reading is its own floor: nothing loud. */
    private static final String A0 = "1513918800,a,a,1,0,0,0,0,0,0,0,false";

    /** Floor 1 (the minute's low so far): 12 is loud, 1 not, in every window. */
    private static final String A30 = "1513918830,a,a,12,0.5,0.5,0.5,0.5,0,0,0,false";

    private static final String B0 = "1513918800,b,b,20,0,0,0,0,0,0,0,true";

    /** Floor 20 (b's first minute), an hour later: 15 is below it, so not loud. */
    private static final String B3600 = "1513922400,b,b,15,0,0,0,0,0,0,0,true";

    /**
     * Floor 1: 30 is loud; the unlabelled 2 at T0+3630 is in the 15 minutes only (not loud), so
     * half of that window is loud.
     */
    private static final String A4200 = "1513923000,a,a,30,1,1,1,0.5,0,0,0,true";

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    /** 2017-12-22T05:00:00Z, a Friday. */
    private static final long T0 = 1513918800L;

    private static final Clock NOW =
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /**
     * Two devices over two hours: a duplicate, a malformed line, an unlabelled reading, and a
     * reading replayed once its device's event time has passed its window.
     */
    private static final List<String> RECORDING =
            List.of(
                    json("a", T0, 70, 1, false),
                    json("b", T0, 71, 20, true),
                    json("a", T0 + 30, 70.5, 12, false),
                    json("a", T0 + 30, 70.5, 12, false),
                    "not json",
                    json("b", T0 + 3600, 71.5, 15, true),
                    json("a", T0 + 3630, 72, 2, null),
                    json("a", T0 + 4200, 73, 30, true),
                    json("a", T0 + 60, 71, 5, false));

    private static final int LATE_LINE = 8;

    /**
     * Once its result is out, device a's event time is past the first hour, so the late line
     * replayed after it is late for its window.
     */
    private static final String AFTER_FIRST_HOUR = "a:" + (T0 + 3630);

    @Test
    void everyOutputIsExactlyWhatTheRecordingImplies() throws Exception {
        CollectingSink<Result> results = new CollectingSink<>();
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        CollectingSink<Reading> late = new CollectingSink<>();
        CollectingSink<TrainingRow> rows = new CollectingSink<>();

        RunSummary summary =
                run(
                        replayHoldingLateLine(results, AFTER_FIRST_HOUR),
                        new PipelineOutputs(results, deadLetters, late, rows),
                        config());

        assertThat(
                        rows.values().stream()
                                .map(r -> r.thingName + "@" + (r.timestamp - T0) + " " + r.csv()))
                .containsExactlyInAnyOrder(
                        "a@0 " + A0,
                        "a@30 " + A30,
                        "b@0 " + B0,
                        "b@3600 " + B3600,
                        "a@4200 " + A4200);
        assertThat(rows.values().stream().map(r -> r.windowStart).distinct())
                .containsExactlyInAnyOrder((T0) * 1000, (T0 + 3600) * 1000);

        assertThat(results.values().stream().map(r -> r.id() + " " + r.roomOccupancy))
                .containsExactlyInAnyOrder(
                        "a:" + T0 + " false",
                        "b:" + T0 + " true",
                        "a:" + (T0 + 30) + " true",
                        "b:" + (T0 + 3600) + " true",
                        "a:" + (T0 + 3630) + " false",
                        "a:" + (T0 + 4200) + " true",
                        "a:" + (T0 + 60) + " false");
        assertThat(results.values().get(0).toJson())
                .matches(
                        "\\{\"id\":\"[ab]:\\d+\",\"thingName\":\"[ab]\",\"timestamp\":\\d+,"
                                + "\"temperature\":[\\d.]+,\"sound\":[\\d.]+,\"hvacStatus\":null,"
                                + "\"roomOccupancy\":(true|false),\"probability\":null,"
                                + "\"source\":\"rule\",\"modelVersion\":\"rule:sound>10\","
                                + "\"fallbackReason\":null,\"reportedOccupancy\":(true|false|null),"
                                + "\"room\":\"[ab]\",\"deviceOccupancy\":(true|false),"
                                + "\"roomScore\":(1\\.0|0\\.0),\"roomVoters\":1\\}");
        // Each device is a room of its own: the room decides as the device, and as the rule.
        assertThat(results.values())
                .allMatch(r -> r.room.equals(r.thingName) && r.roomOccupancy == r.deviceOccupancy);

        assertThat(deadLetters.values())
                .containsExactly(
                        DeadLetter.of(
                                "not json",
                                RejectReason.MALFORMED_JSON,
                                deadLetters.values().get(0).detail));
        assertThat(late.values()).containsExactly(new Reading("a", T0 + 60, 71, 5, null, false));

        assertThat(summary.count(MetricName.READINGS_IN)).isEqualTo(9);
        assertThat(summary.count(MetricName.VALID)).isEqualTo(8);
        assertThat(summary.deadLetters()).isEqualTo(1);
        assertThat(summary.count(MetricName.DUPLICATES)).isEqualTo(1);
        assertThat(summary.count(MetricName.UNLABELLED)).isEqualTo(1);
        assertThat(summary.count(MetricName.LATE)).isEqualTo(1);
        assertThat(summary.count(MetricName.TRAINING_ROWS)).isEqualTo(5);
        assertThat(summary.results()).isEqualTo(7);
        assertThat(RunSummary.labelsJson(summary.againstLabels(ScoreSource.RULE)).toString())
                .isEqualTo(
                        "{\"labelled\":6,\"accuracy\":0.8333,\"precision\":0.75,\"recall\":1.0,"
                                + "\"f1\":0.8571,\"tp\":3,\"fp\":1,\"tn\":2,\"fn\":0}");
        assertThat(summary.everyRecordAccountedFor()).isTrue();
        assertThat(summary.everyReadingScored()).isTrue();
    }

    @Test
    void trainingSetsAreCsvFilesWithAHeaderInOneFolderPerWindow(@TempDir Path dir)
            throws Exception {
        Path training = dir.resolve("training");
        CollectingSink<Result> results = new CollectingSink<>();
        run(
                replayHoldingLateLine(results, AFTER_FIRST_HOUR),
                new PipelineOutputs(
                        results,
                        new CollectingSink<>(),
                        new CollectingSink<>(),
                        new TrainingSetWriter(training.toString(), Duration.ofHours(1))),
                config());

        List<Path> files = Recordings.committedFiles(training, ".csv");
        assertThat(
                        files.stream()
                                .map(f -> training.relativize(f.getParent()).toString())
                                .distinct())
                .containsExactlyInAnyOrder("dt=2017-12-22/hour=05", "dt=2017-12-22/hour=06");
        for (Path file : files) {
            assertThat(Files.readAllLines(file)).first().isEqualTo(FeatureCsv.header());
            assertThat(file.getFileName().toString()).startsWith("part-").endsWith(".csv");
        }
        List<String> rows =
                files.stream()
                        .flatMap(f -> readLines(f).stream().skip(1))
                        .collect(Collectors.toList());
        assertThat(rows).containsExactlyInAnyOrder(A0, A30, B0, B3600, A4200);
    }

    @Test
    void lateReadingWithinAllowedLatenessJoinsItsWindowWithoutRepeatingRows() throws Exception {
        CollectingSink<Result> results = new CollectingSink<>();
        CollectingSink<TrainingRow> rows = new CollectingSink<>();
        CollectingSink<Reading> late = new CollectingSink<>();

        run(
                replayHoldingLateLine(results, AFTER_FIRST_HOUR),
                new PipelineOutputs(results, new CollectingSink<>(), late, rows),
                config("training.allowed-lateness=1 h"));

        assertThat(late.values()).isEmpty();
        assertThat(rows.values().stream().map(r -> r.thingName + "@" + (r.timestamp - T0)))
                .containsExactlyInAnyOrder("a@0", "a@30", "b@0", "b@3600", "a@4200", "a@60");
    }

    @Test
    void replayRangeKeepsOnlyItsReadingsAndCountsTheOthers() throws Exception {
        CollectingSink<Result> results = new CollectingSink<>();

        RunSummary summary =
                run(
                        // the first hour's last reading in range is a@30
                        replayHoldingLateLine(results, "a:" + (T0 + 30)),
                        new PipelineOutputs(
                                results,
                                new CollectingSink<>(),
                                new CollectingSink<>(),
                                new CollectingSink<>()),
                        config(
                                "source.replay.since=2017-12-22T05:00:30Z",
                                "source.replay.until=2017-12-22T06:00:30Z"));

        assertThat(results.values().stream().map(Result::id))
                .containsExactlyInAnyOrder("a:" + (T0 + 30), "b:" + (T0 + 3600), "a:" + (T0 + 60));
        assertThat(summary.count(MetricName.OUTSIDE_REPLAY_RANGE)).isEqualTo(4);
        assertThat(summary.count(MetricName.DUPLICATES)).isEqualTo(1);
        assertThat(summary.everyReadingScored()).isTrue();
    }

    private static RunSummary run(ReadingSource source, PipelineOutputs outputs, JobSettings config)
            throws Exception {
        StreamExecutionEnvironment env = MiniClusters.environment();
        env.setParallelism(1);
        env.getConfig().setAutoWatermarkInterval(50);
        env.enableCheckpointing(100);
        RuleScorer rule = new RuleScorer(10);
        new OccupancyPipeline(config, source, ScoringStage.of(rule), rule, outputs, NOW).build(env);
        return new RunSummary(env.execute("test").getAllAccumulatorResults());
    }

    private static JobSettings config(String... overrides) {
        return JobSettings.withOverrides(List.of(overrides));
    }

    /**
     * The recording, holding the late line back until the result {@code resultId} is out (scored on
     * arrival, so the reading it is made from has been through the features).
     */
    private static ReadingSource replayHoldingLateLine(
            CollectingSink<Result> results, String resultId) {
        return PacedSource.of(
                RECORDING,
                0,
                line -> {
                    if (line == LATE_LINE) {
                        results.await(
                                "the result of " + resultId,
                                collected ->
                                        collected.stream().anyMatch(r -> r.id().equals(resultId)),
                                Duration.ofSeconds(30));
                    }
                });
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
