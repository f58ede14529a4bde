package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.testing.FailOnceAfterCheckpoint;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay that fails once after a completed checkpoint and restarts from it writes exactly the
 * training sets (each row in its window's folder) and results of a replay that never failed: no row
 * lost, none written twice.
 */
class ExactlyOnceRestartClusterTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final long START = 1513918800L;
    private static final int DEVICES = 3;
    private static final int STEPS = 400;

    @Test
    void restartFromCheckpointWritesEveryTrainingRowAndResultExactlyOnce(@TempDir Path dir)
            throws Exception {
        Path recording =
                Recordings.write(
                        dir.resolve("recording.jsonl"),
                        Recordings.simulated(DEVICES, STEPS, START));

        Path reference = dir.resolve("reference");
        run(recording, reference, false);
        Path restarted = dir.resolve("restarted");
        run(recording, restarted, true);

        assertThat(FailOnceAfterCheckpoint.FAILED).isTrue();
        List<String> expectedRows = trainingRows(reference);
        assertThat(expectedRows).hasSize(DEVICES * STEPS);
        assertThat(trainingRows(restarted)).containsExactlyInAnyOrderElementsOf(expectedRows);
        List<String> expectedResults =
                Recordings.committedLines(reference.resolve("results"), ".jsonl");
        assertThat(expectedResults).hasSize(DEVICES * STEPS);
        assertThat(Recordings.committedLines(restarted.resolve("results"), ".jsonl"))
                .containsExactlyInAnyOrderElementsOf(expectedResults);
    }

    /** Each committed row, prefixed with its folder (its window). */
    private static List<String> trainingRows(Path out) throws Exception {
        Path training = out.resolve("training");
        List<String> rows = new ArrayList<>();
        for (Path file : Recordings.committedFiles(training, ".csv")) {
            String folder = training.relativize(file.getParent()).toString();
            for (String line : Files.readAllLines(file)) {
                if (!line.equals(FeatureCsv.header())) {
                    rows.add(folder + " " + line);
                }
            }
        }
        return rows;
    }

    private static void run(Path recording, Path out, boolean failOnce) throws Exception {
        JobSettings config = JobSettings.withOverrides(List.of("output.path=" + out));
        RuleScorer rule = new RuleScorer(10);
        StreamExecutionEnvironment env = MiniClusters.environment();
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, Time.milliseconds(10)));
        ReadingSource replay = new ReplaySource(recording.toString());
        ReadingSource source =
                failOnce
                        ? e -> replay.rawReadings(e).map(FailOnceAfterCheckpoint.failing(1))
                        : e -> replay.rawReadings(e).map(FailOnceAfterCheckpoint.neverFailing(1));
        new OccupancyPipeline(
                        config,
                        source,
                        ScoringStage.of(rule),
                        rule,
                        PipelineOutputs.from(config),
                        Clock.systemUTC())
                .build(env);
        env.execute("exactly-once " + (failOnce ? "with failure" : "reference"));
    }
}
