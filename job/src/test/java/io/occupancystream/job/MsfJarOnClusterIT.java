package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.ingest.DeadLetter;
import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.EndpointSettings;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringSettings;
import io.occupancystream.job.testing.ExpectedResults;
import io.occupancystream.job.testing.LocalFlinkCluster;
import io.occupancystream.job.testing.LocalS3Bucket;
import io.occupancystream.job.testing.Recordings;
import io.occupancystream.job.testing.ScoringJobs;
import io.occupancystream.job.testing.TrainedModels;
import io.occupancystream.job.testing.VariedReadings;
import io.occupancystream.job.training.TrainingSettings;
import io.occupancystream.model.OccupancyPredictor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The shaded jar run as MSF runs it: uploaded to a Flink 1.19 session cluster of separate JVMs
 * whose class path is Flink's runtime only ({@link LocalFlinkCluster}), started from its manifest's
 * main class, with its settings as MSF property groups. Whatever the job needs beyond Flink and
 * Flink's S3 file system plugin (flink-s3-fs-hadoop, which serves {@code s3://} and {@code s3a://})
 * must therefore come from the jar. A bounded replay must commit every output, exactly.
 */
class MsfJarOnClusterIT {
    private static final Path TEST_DATA = Path.of("..", "test-data").toAbsolutePath();
    private static final RuleScorer RULE = new RuleScorer(10);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    /** Results also carry their derived id, which Result has no field for. */
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @TempDir static Path clusterDir;
    private static LocalS3Bucket s3;
    private static LocalFlinkCluster cluster;
    private static String jarId;

    @BeforeAll
    static void startClusterAndUploadJar() throws Exception {
        s3 = LocalS3Bucket.start("occupancy-stream");
        // Checkpointing and parallelism are the cluster's, as on MSF, where the job leaves them
        // to the application's configuration: checkpoints often, for the last files are committed
        // by the checkpoint after the input ends.
        Map<String, String> flinkSettings = new HashMap<>(s3.flinkSettings().toMap());
        flinkSettings.put("parallelism.default", String.valueOf(LocalFlinkCluster.SLOTS));
        flinkSettings.put("execution.checkpointing.interval", "500 ms");
        cluster =
                LocalFlinkCluster.start(
                        clusterDir,
                        flinkLibClassPath(),
                        List.of(System.getProperty("jdk17.opens").trim().split("\\s+")),
                        Path.of(System.getProperty("flink.plugins")),
                        flinkSettings);
        jarId = cluster.rest().upload(Path.of(System.getProperty("msf.jar")));
    }

    @AfterAll
    static void stopClusterAndS3() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void ruleScoredReplayCommitsEveryResultDeadLetterAndTrainingRow(@TempDir Path dir)
            throws Exception {
        // Two devices for two hours, then every kind of bad record.
        List<String> valid = Recordings.simulated(2, 240, TrainedModels.START);
        List<String> bad = Files.readAllLines(TEST_DATA.resolve("bad-readings.jsonl"));
        List<String> recording = new ArrayList<>(valid);
        recording.addAll(bad);
        Path out = dir.resolve("out");
        Map<Setting<?>, String> settings = replay(dir, recording, out);
        settings.put(ScoringSettings.SCORER, "rule");

        runOnCluster(dir, settings);

        assertThat(ExpectedResults.describe(results(out)))
                .containsExactlyInAnyOrderElementsOf(
                        ExpectedResults.ruleOnly(RULE, valid).rule(ScoringJobs.ids(valid)));
        assertThat(deadLetters(out)).containsExactlyInAnyOrderElementsOf(expectedDeadLetters(bad));
        assertThat(trainingRowsPerWindow(out.resolve("training")))
                .containsExactly(
                        entry("dt=2017-12-22/hour=05", 240), entry("dt=2017-12-22/hour=06", 240));
        assertThat(Recordings.committedLines(out.resolve("late"), ".jsonl")).isEmpty();
    }

    /**
     * Training sets written to {@code s3a://}, as the deployment writes them, through the cluster's
     * S3 file system: every row committed once, in its window's folder.
     */
    @Test
    void trainingSetsCommitToS3aExactlyOnce(@TempDir Path dir) throws Exception {
        List<String> valid = Recordings.simulated(2, 240, TrainedModels.START);
        Map<Setting<?>, String> settings = replay(dir, valid, dir.resolve("out"));
        settings.put(ScoringSettings.SCORER, "rule");
        settings.put(TrainingSettings.PATH, "s3a://" + s3.name + "/training");

        runOnCluster(dir, settings);

        assertThat(s3TrainingRowsPerWindow("training/"))
                .containsExactly(
                        entry("dt=2017-12-22/hour=05", 240), entry("dt=2017-12-22/hour=06", 240));
    }

    /**
     * XGBoost's native library, loaded from the jar in the job's class loader on the TaskManager,
     * scores every reading: no fallback, and the same probabilities as in this JVM.
     */
    @Test
    void embeddedModelScoresEveryReadingFromTheJar(@TempDir Path dir) throws Exception {
        Path model = TrainedModels.model();
        List<String> recording = VariedReadings.recording(2, 60, 7);
        Path out = dir.resolve("out");
        Map<Setting<?>, String> settings = replay(dir, recording, out);
        settings.put(ScoringSettings.SCORER, "embedded");
        settings.put(ScoringSettings.MODEL_PATH, model.toString());
        // A busy machine must not turn a slow answer into a fallback.
        settings.put(ScoringSettings.ASYNC_TIMEOUT, "2 min");
        settings.put(EndpointSettings.ATTEMPT_TIMEOUT, "1 min");

        runOnCluster(dir, settings);

        ScoringJobs.Run inProcess =
                ScoringJobs.run(ScoringJobs.config(overrides(settings)), recording);
        try (OccupancyPredictor predictor = OccupancyPredictor.load(model)) {
            assertThat(ExpectedResults.describe(results(out)))
                    .containsExactlyInAnyOrderElementsOf(
                            new ExpectedResults(predictor, RULE, recording, inProcess.featured)
                                    .model(ScoringJobs.ids(recording)));
        }
    }

    /** Replay {@code recording} to files under {@code out}. */
    private static Map<Setting<?>, String> replay(Path dir, List<String> recording, Path out)
            throws IOException {
        Map<Setting<?>, String> settings = new LinkedHashMap<>();
        settings.put(SourceSettings.TYPE, "replay");
        settings.put(
                SourceSettings.REPLAY_PATH,
                Recordings.write(dir.resolve("recording.jsonl"), recording).toString());
        settings.put(OutputSettings.PATH, out.toString());
        return settings;
    }

    /** Runs the jar with these settings as its --config file, and waits until it finishes. */
    private static void runOnCluster(Path dir, Map<Setting<?>, String> settings) throws Exception {
        Path config = dir.resolve("application-properties.json");
        Files.writeString(config, PropertyGroups.toJson(settings), StandardCharsets.UTF_8);
        String jobId = cluster.rest().run(jarId, List.of("--config", config.toString()));
        String state = cluster.rest().awaitFinalState(jobId, JOB_TIMEOUT);
        if (!state.equals("FINISHED")) {
            fail(
                    "job %s ended %s: %s%s",
                    jobId, state, cluster.rest().exceptions(jobId), cluster.logs());
        }
    }

    private static List<String> overrides(Map<Setting<?>, String> settings) {
        return settings.entrySet().stream()
                .map(s -> s.getKey().qualifiedName() + "=" + s.getValue())
                .collect(Collectors.toList());
    }

    private static List<Result> results(Path out) throws IOException {
        List<Result> results = new ArrayList<>();
        for (String line : Recordings.committedLines(out.resolve("results"), ".jsonl")) {
            results.add(JSON.readValue(line, Result.class));
        }
        return results;
    }

    /** {@code REASON rawBytes} per dead letter. */
    private static List<String> deadLetters(Path out) throws IOException {
        List<String> letters = new ArrayList<>();
        for (String line : Recordings.committedLines(out.resolve("dead-letters"), ".jsonl")) {
            DeadLetter letter = JSON.readValue(line, DeadLetter.class);
            letters.add(letter.reason + " " + letter.rawBytes);
        }
        return letters;
    }

    private static List<String> expectedDeadLetters(List<String> bad) throws IOException {
        List<String> reasons = Files.readAllLines(TEST_DATA.resolve("bad-readings.reasons"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < bad.size(); i++) {
            expected.add(reasons.get(i) + " " + bad.get(i).getBytes(StandardCharsets.UTF_8).length);
        }
        return expected;
    }

    /** Rows per window folder ({@code dt=.../hour=...}); each part file starts with the header. */
    private static Map<String, Integer> trainingRowsPerWindow(Path training) throws IOException {
        Map<String, Integer> rows = new TreeMap<>();
        for (Path file : Recordings.committedFiles(training, ".csv")) {
            addRows(
                    rows,
                    training.relativize(file.getParent()).toString(),
                    file.toString(),
                    Files.readAllLines(file));
        }
        return rows;
    }

    /**
     * The same for the committed part files under {@code prefix} in the bucket. The S3 writer keeps
     * uncommitted data in multipart uploads and in objects whose names start with "_".
     */
    private static Map<String, Integer> s3TrainingRowsPerWindow(String prefix) {
        Map<String, Integer> rows = new TreeMap<>();
        try (S3Client client = s3.client()) {
            for (S3Object object :
                    client.listObjectsV2Paginator(b -> b.bucket(s3.name).prefix(prefix))
                            .contents()) {
                String key = object.key();
                int slash = key.lastIndexOf('/');
                if (key.startsWith("_", slash + 1) || !key.endsWith(".csv")) {
                    continue;
                }
                String csv =
                        client.getObjectAsBytes(b -> b.bucket(s3.name).key(key))
                                .asString(StandardCharsets.UTF_8);
                addRows(
                        rows,
                        key.substring(prefix.length(), slash),
                        key,
                        csv.lines().collect(Collectors.toList()));
            }
        }
        return rows;
    }

    private static void addRows(
            Map<String, Integer> rows, String window, String file, List<String> lines) {
        assertThat(lines.get(0)).as(file).isEqualTo(FeatureCsv.header());
        rows.merge(window, lines.size() - 1, Integer::sum);
    }

    /** Flink's runtime jars, as the build listed them (flink-lib-*classpath.txt). */
    private static String flinkLibClassPath() throws IOException {
        List<String> parts = new ArrayList<>();
        for (String file : System.getProperty("flink.lib.classpath").split(",")) {
            parts.add(Files.readString(Path.of(file.trim())).trim());
        }
        return String.join(java.io.File.pathSeparator, parts);
    }
}
