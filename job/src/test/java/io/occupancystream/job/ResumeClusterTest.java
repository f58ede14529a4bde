package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.resume.CheckpointFolder;
import io.occupancystream.job.resume.EarlierRun;
import io.occupancystream.job.resume.ResumableRun;
import io.occupancystream.job.resume.RunStart;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.testing.HoldAfterCheckpoint;
import io.occupancystream.job.testing.Recordings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.runtime.client.JobCancellationException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Local runs resume from the checkpoints in their folder, as {@code bin/job} runs them (each its
 * own MiniCluster): after a crash, a cancellation or a stop with a savepoint, the same settings
 * again write every training row and result exactly once, as one uninterrupted run does.
 */
class ResumeClusterTest {
    private static final long START = 1513918800L;
    private static final int DEVICES = 3;
    private static final int STEPS = 400;

    @TempDir static Path shared;
    private static Path recording;
    private static Path reference;

    @TempDir Path dir;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        recording =
                Recordings.write(
                        shared.resolve("recording.jsonl"),
                        Recordings.simulated(DEVICES, STEPS, START));
        reference = shared.resolve("reference");
        assertThat(cli(new StringWriter(), "--replay", recording.toString(), "--out", reference))
                .isZero();
        assertThat(trainingRows(reference)).hasSize(DEVICES * STEPS);
        assertThat(results(reference)).hasSize(DEVICES * STEPS);
    }

    @Test
    void cancelledRunResumesFromItsLastCheckpointAndWritesEverythingOnce() throws Exception {
        Path out = dir.resolve("out");
        HoldAfterCheckpoint<String> hold = HoldAfterCheckpoint.holding();
        ResumableRun first = submit(out, RunStart.decide(folder(out)), replay(), hold);
        hold.awaitHeld();
        first.client().cancel().get();
        assertThatThrownBy(first::await)
                .isInstanceOf(ExecutionException.class)
                .satisfies(
                        e ->
                                assertThat(
                                                ExceptionUtils.findThrowable(
                                                        e, JobCancellationException.class))
                                        .isPresent());

        RunStart start = RunStart.decide(CheckpointFolder.under(out.toString()));
        assertThat(start.checkpoint()).isPresent();
        assertThat(start.checkpoint().get().savepoint).isFalse();
        submit(out, start, replay(), HoldAfterCheckpoint.passing()).await();

        assertThat(trainingRows(out)).containsExactlyInAnyOrderElementsOf(trainingRows(reference));
        assertThat(results(out)).containsExactlyInAnyOrderElementsOf(results(reference));
    }

    /**
     * The first run reads the recording as a live run reads its stream, never ending by itself: a
     * replay could reach its end (its tasks finishing) before the stop reaches them, and Flink
     * refuses a savepoint then. The run that resumes is the replay, which ends.
     */
    @Test
    void stopWithSavepointThenResumeRepeatsNothing() throws Exception {
        Path out = dir.resolve("out");
        HoldAfterCheckpoint<String> hold = HoldAfterCheckpoint.holding();
        ResumableRun first = submit(out, RunStart.decide(folder(out)), endless(), hold);
        hold.awaitHeld();
        var savepoint = first.stop();
        hold.release();
        first.await();
        assertThat(first.stoppedWith()).contains(savepoint.get());

        RunStart start = RunStart.decide(CheckpointFolder.under(out.toString()));
        assertThat(start.checkpoint().orElseThrow().savepoint).isTrue();
        assertThat(start.checkpoint().get().path.toString()).isEqualTo(savepoint.get());
        submit(out, start, replay(), HoldAfterCheckpoint.passing()).await();

        assertThat(trainingRows(out)).containsExactlyInAnyOrderElementsOf(trainingRows(reference));
        assertThat(results(out)).containsExactlyInAnyOrderElementsOf(results(reference));
    }

    @Test
    void finishedReplayIsNotRunAgainAndFreshMovesTheEarlierRunAside() throws Exception {
        Path out = dir.resolve("out");
        String[] command = {"--replay", recording.toString(), "--out", out.toString()};
        assertThat(cli(new StringWriter(), command)).isZero();
        List<String> written = committedFiles(out);

        assertThat(cli(new StringWriter(), command)).isZero();
        assertThat(committedFiles(out)).isEqualTo(written);

        assertThat(cli(new StringWriter(), append(command, "--fresh"))).isZero();
        assertThat(trainingRows(out)).containsExactlyInAnyOrderElementsOf(trainingRows(reference));
        assertThat(results(out)).containsExactlyInAnyOrderElementsOf(results(reference));
        try (Stream<Path> earlier = Files.list(out.resolve(EarlierRun.FOLDER))) {
            Path moved = earlier.collect(Collectors.toList()).get(0);
            assertThat(committedFiles(moved)).isEqualTo(written);
            assertThat(moved.resolve(CheckpointFolder.NAME)).isDirectory();
        }
    }

    @Test
    void checkpointOfAnotherJobGraphFailsWithWhatToDo() throws Exception {
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = environment(out, RunStart.decide(folder(out)));
        HoldAfterCheckpoint<Long> hold = HoldAfterCheckpoint.holding();
        env.fromSequence(0, Long.MAX_VALUE)
                .map(hold)
                .uid("retired-operator")
                .sinkTo(new DiscardingSink<>());
        ResumableRun other =
                ResumableRun.submit(env, "another job", folder(out), RunStart.fresh("test"));
        hold.awaitHeld();
        other.client().cancel().get();
        assertThatThrownBy(other::await).isInstanceOf(ExecutionException.class);
        String[] command = {"--replay", recording.toString(), "--out", out.toString()};

        StringWriter err = new StringWriter();
        int code = cli(err, command);

        assertThat(code).as(err.toString()).isEqualTo(OccupancyJob.RESTORE_FAILED);
        assertThat(err.toString())
                .matches(
                        "Cannot resume from checkpoint"
                            + " file:.*/out/checkpoints/[0-9a-f]{32}/chk-\\d+ \\(taken [^)]+\\): it"
                            + " holds state of operator [0-9a-f]{32}, which this job does not have"
                            + " \\(the job graph changed\\). Start over with --fresh \\(moves the"
                            + " earlier run's outputs aside\\), or resume without that state with"
                            + " --allow-non-restored-state.\\R");
        assertThat(results(out)).isEmpty();

        assertThat(cli(new StringWriter(), append(command, "--allow-non-restored-state"))).isZero();
        assertThat(results(out)).containsExactlyInAnyOrderElementsOf(results(reference));
    }

    /** The job's local run with a hold after the source, as the settings of bin/job say. */
    private static ResumableRun submit(
            Path out, RunStart start, ReadingSource source, MapFunction<String, String> hold)
            throws Exception {
        StreamExecutionEnvironment env = environment(out, start);
        JobSettings settings = settings(out);
        RuleScorer rule = settings.scoring.rule();
        new OccupancyPipeline(
                        settings,
                        e -> source.rawReadings(e).map(hold).uid("hold"),
                        ScoringStage.of(rule),
                        rule,
                        PipelineOutputs.from(settings),
                        Clock.systemUTC())
                .build(env);
        return ResumableRun.submit(env, "resume test", folder(out), start);
    }

    private static ReadingSource replay() {
        return new ReplaySource(recording.toString());
    }

    /**
     * The recording as an unbounded source that watches for more files, under the replay's uid so
     * that the replay resumes from its state.
     */
    private static ReadingSource endless() {
        FileSource<String> files =
                FileSource.forRecordStreamFormat(
                                new TextLineInputFormat(),
                                new org.apache.flink.core.fs.Path(recording.toString()))
                        .monitorContinuously(Duration.ofMillis(100))
                        .build();
        return env ->
                env.fromSource(files, WatermarkStrategy.noWatermarks(), "endless replay")
                        .uid("replay-source");
    }

    private static StreamExecutionEnvironment environment(Path out, RunStart start)
            throws Exception {
        return JobEnvironment.local(settings(out), null, start, false);
    }

    private static JobSettings settings(Path out) {
        return JobSettings.withOverrides(
                List.of(
                        "output.path=" + out,
                        "job.checkpoint-interval=100 ms",
                        "job.parallelism=2"));
    }

    private static CheckpointFolder folder(Path out) {
        return CheckpointFolder.under(out.toString());
    }

    private static int cli(StringWriter err, Object... args) {
        String[] strings = Stream.of(args).map(String::valueOf).toArray(String[]::new);
        return new CommandLine(new OccupancyJob())
                .setErr(new PrintWriter(err, true))
                .execute(append(strings, "--set", "job.parallelism=2"));
    }

    private static String[] append(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }

    private static List<String> trainingRows(Path out) throws Exception {
        return Recordings.committedLines(out.resolve("training"), ".csv").stream()
                .filter(line -> !line.equals(FeatureCsv.header()))
                .collect(Collectors.toList());
    }

    private static List<String> results(Path out) throws Exception {
        return Recordings.committedLines(out.resolve("results"), ".jsonl");
    }

    private static List<String> committedFiles(Path out) throws Exception {
        return Recordings.committedFiles(out.resolve("results"), ".jsonl").stream()
                .map(p -> out.relativize(p).toString())
                .sorted()
                .collect(Collectors.toList());
    }
}
