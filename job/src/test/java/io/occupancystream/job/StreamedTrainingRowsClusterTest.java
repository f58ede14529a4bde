package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.Recordings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training rows are streamed: a checkpoint commits the rows of an hour that is still open, so the
 * source can hold its last reading of that hour until the hour's folder has committed rows, which
 * it could not if rows waited for the hour's window to close.
 */
class StreamedTrainingRowsClusterTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    /** 2017-12-22T05:00:00Z. */
    private static final long T0 = 1513918800L;

    private static final Duration MAX_HOLD = Duration.ofSeconds(30);

    @Test
    void rowsOfAnOpenHourAreCommittedToItsFolderAtCheckpoints(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(Recordings.json("a", T0 + 60L * i, 70, i, i % 2 == 0));
        }
        Path training = dir.resolve("training");
        Path hour = training.resolve("dt=2017-12-22/hour=05");

        StreamExecutionEnvironment env = MiniClusters.environment();
        env.setParallelism(1);
        env.enableCheckpointing(50);
        JobSettings config = JobSettings.withOverrides(List.of("output.path=" + dir));
        RuleScorer rule = config.scoring.rule();
        new OccupancyPipeline(
                        config,
                        e -> e.addSource(new HoldLastLine(lines, hour.toString())).name("hold"),
                        ScoringStage.of(rule),
                        rule,
                        PipelineOutputs.from(config),
                        Clock.systemUTC())
                .build(env);
        env.execute("streamed training rows");

        assertThat(Recordings.committedFiles(training, ".csv"))
                .allSatisfy(f -> assertThat(f.getParent()).isEqualTo(hour));
        List<String> rows =
                Recordings.committedLines(training, ".csv").stream()
                        .filter(line -> !line.equals(FeatureCsv.header()))
                        .collect(Collectors.toList());
        assertThat(rows).hasSize(lines.size());
    }

    /**
     * Emits every line but the last, then holds the last (without the checkpoint lock, so that
     * checkpoints go on) until {@code folder} has committed rows.
     */
    private static final class HoldLastLine implements SourceFunction<String> {
        private final List<String> lines;
        private final String folder;
        private volatile boolean running = true;

        HoldLastLine(List<String> lines, String folder) {
            this.lines = new ArrayList<>(lines);
            this.folder = folder;
        }

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            for (String line : lines.subList(0, lines.size() - 1)) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(line);
                }
            }
            long deadline = System.nanoTime() + MAX_HOLD.toNanos();
            while (running && !hasCommittedRows()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "no committed training rows in " + folder + " after " + MAX_HOLD);
                }
                Thread.sleep(10);
            }
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(lines.get(lines.size() - 1));
            }
        }

        private boolean hasCommittedRows() {
            try {
                return Recordings.committedLines(Path.of(folder), ".csv").stream()
                        .anyMatch(line -> !line.equals(FeatureCsv.header()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
