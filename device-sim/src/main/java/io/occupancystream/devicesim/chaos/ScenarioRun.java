package io.occupancystream.devicesim.chaos;

import io.occupancystream.devicesim.localstack.LocalJobSettings;
import io.occupancystream.devicesim.localstack.LocalStack;
import io.occupancystream.devicesim.localstack.LocalStackLayout;
import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.kinesis.KinesisSettings;
import io.occupancystream.job.reading.ReadingJson;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One scenario's world: a fresh local stack (empty streams and bucket), the fault proxies in front
 * of its Kinesis and S3 for the job, a run folder (the job's output path, so its checkpoints are
 * under {@code <run folder>/checkpoints}) and the job's launches, each logged to a file of its own.
 */
final class ScenarioRun implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);

    final ChaosSettings settings;
    final LocalStack stack;
    final KinesisFaultProxy kinesisProxy;
    final TcpFaultProxy s3Proxy;
    final Path dir;
    private final List<String> jobArgs = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    private ScenarioRun(
            ChaosSettings settings,
            LocalStack stack,
            KinesisFaultProxy kinesisProxy,
            TcpFaultProxy s3Proxy,
            Path dir) {
        this.settings = settings;
        this.stack = stack;
        this.kinesisProxy = kinesisProxy;
        this.s3Proxy = s3Proxy;
        this.dir = dir;
    }

    static ScenarioRun start(ChaosSettings settings, String name) throws Exception {
        Path dir = settings.out.resolve(name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(dir);
        LocalStack stack =
                LocalStack.start(
                        settings.kinesaliteDir,
                        settings.model,
                        LocalStackLayout.defaults(),
                        LocalStack.Ports.free());
        KinesisFaultProxy kinesis = new KinesisFaultProxy(stack.kinesisEndpoint());
        TcpFaultProxy s3 = new TcpFaultProxy(stack.s3Endpoint());
        ScenarioRun run = new ScenarioRun(settings, stack, kinesis, s3, dir);
        run.writeJobSettings();
        return run;
    }

    private void writeJobSettings() throws IOException {
        Map<Setting<?>, String> job =
                LocalJobSettings.of(stack, settings.model.toAbsolutePath(), dir);
        job.put(KinesisSettings.ENDPOINT, kinesisProxy.endpoint().toString());
        Path file = dir.resolve("job.json");
        Files.writeString(file, PropertyGroups.toJson(job), StandardCharsets.UTF_8);
        // source.idleness stays at its default (1 min): at 1 s, a shard read late on a loaded
        // machine counted as idle, event time passed its readings and they went to the late output.
        jobArgs.addAll(
                List.of(
                        "--config",
                        file.toString(),
                        "--s3-endpoint",
                        s3Proxy.endpoint().toString(),
                        "--set",
                        "job.checkpoint-interval=" + settings.checkpointInterval.toMillis() + " ms",
                        "--set",
                        "job.parallelism=2",
                        "--set",
                        "kinesis.sink.max-buffer-time=200 ms"));
    }

    /** The job as {@code bin/job --config} runs it on the local stack, in a JVM of its own. */
    JobProcess startJob() throws IOException {
        Path log = dir.resolve("job-" + (logs.size() + 1) + ".log");
        logs.add(log);
        return settings.launcher.start(jobArgs, log);
    }

    InputFeeder feed(Supplier<ChaosRecord> records, double rate, long limit) {
        LocalStackLayout layout = stack.layout();
        return new InputFeeder(
                        stack.kinesisClient(),
                        layout.inputStream,
                        layout.inputShards,
                        records,
                        rate,
                        limit)
                .start();
    }

    JobLog log() throws IOException {
        return JobLog.read(logs);
    }

    /**
     * Puts an end marker ({@link ChaosRecord#endMarker}) into each open input shard, then reads the
     * outputs until every record put (markers too: then the job has read every shard to its end) is
     * accounted for and {@code expectedTraining} rows (if not null) are in the bucket, and nothing
     * new came for a few checkpoint intervals, time for what was still in flight and for repeats
     * after a restart; or until nothing new came for the settle time-out.
     */
    Settled settle(
            List<ChaosRecord> put, Map<String, List<String>> expectedTraining, RunningJob job)
            throws Exception {
        LocalStackLayout layout = stack.layout();
        List<ChaosRecord> all = new ArrayList<>(put);
        all.addAll(putEndMarkers());
        long expectedRows =
                expectedTraining == null ? 0 : TrainingWindows.rowCount(expectedTraining);
        long quietNanos = Math.max(3_000_000_000L, 3 * settings.checkpointInterval.toNanos());
        try (KinesisClient kinesis = stack.kinesisClient();
                S3Client s3 = stack.s3Client()) {
            JobOutputs outputs =
                    new JobOutputs(kinesis, layout.resultsStream, layout.deadLetterStream);
            TrainingBucket bucket = new TrainingBucket(s3, layout.bucket, "training/");
            // The no-progress time-out counts from the job's start, which a loaded machine delays.
            job.awaitCheckpoint(Duration.ofMinutes(5));
            Map<String, List<String>> training = Map.of();
            long lastProgress = System.nanoTime();
            long lastRows = -1;
            boolean checked = false;
            while (true) {
                boolean progress = outputs.poll();
                if (expectedTraining != null) {
                    training = bucket.rows();
                    long rows = TrainingWindows.rowCount(training);
                    progress |= rows != lastRows;
                    lastRows = rows;
                }
                if (progress) {
                    lastProgress = System.nanoTime();
                    checked = false;
                }
                long quiet = System.nanoTime() - lastProgress;
                // Checked once per quiet spell: the check reads every output so far.
                if (quiet > quietNanos && !checked) {
                    checked = true;
                    OutputCheck check = OutputCheck.of(all, outputs, log());
                    if (check.complete()
                            && (expectedTraining == null || lastRows >= expectedRows)) {
                        return new Settled(check, training);
                    }
                }
                if (quiet > settings.settleTimeout.toNanos()) {
                    return new Settled(OutputCheck.of(all, outputs, log()), training);
                }
                job.runFor(POLL);
            }
        }
    }

    /** One end marker per open input shard, put with an explicit hash key in its range. */
    private List<ChaosRecord> putEndMarkers() {
        String stream = stack.layout().inputStream;
        List<ChaosRecord> markers = new ArrayList<>();
        try (KinesisClient kinesis = stack.kinesisClient()) {
            for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
                if (shard.sequenceNumberRange().endingSequenceNumber() != null) {
                    continue;
                }
                ChaosRecord marker = ChaosRecord.endMarker(markers.size());
                kinesis.putRecord(
                        r ->
                                r.streamName(stream)
                                        .partitionKey(marker.partitionKey)
                                        .explicitHashKey(shard.hashKeyRange().startingHashKey())
                                        .data(SdkBytes.fromByteArray(marker.data)));
                markers.add(marker);
            }
        }
        return markers;
    }

    /** What {@link #settle} found. */
    static final class Settled {
        final OutputCheck check;
        final Map<String, List<String>> training;

        Settled(OutputCheck check, Map<String, List<String>> training) {
            this.check = check;
            this.training = training;
        }
    }

    /**
     * The training rows of a failure-free run of the same readings: a replay of the simulated
     * readings put (bad records make no rows), with rule scoring, which leaves rows unchanged.
     */
    Map<String, List<String>> referenceTraining(List<ChaosRecord> put) throws Exception {
        Path reference = dir.resolve("reference");
        Files.createDirectories(reference);
        List<String> lines = new ArrayList<>();
        for (ChaosRecord record : put) {
            if (record.mustBeAResult()) {
                lines.add(ReadingJson.write(record.reading));
            }
        }
        Path readings = Files.write(reference.resolve("readings.jsonl"), lines);
        Path out = reference.resolve("out");
        Path log = reference.resolve("job.log");
        try (JobProcess replay =
                settings.launcher.start(
                        List.of(
                                "--replay",
                                readings.toString(),
                                "--out",
                                out.toString(),
                                "--scorer",
                                "rule",
                                "--set",
                                "job.parallelism=2"),
                        log)) {
            int exit = replay.awaitExit(Duration.ofMinutes(10));
            if (exit != 0) {
                throw new IOException(
                        "the reference replay ended with exit code " + exit + "; see " + log);
            }
        }
        return TrainingWindows.fromFolder(out.resolve("training"));
    }

    @Override
    public void close() throws Exception {
        kinesisProxy.close();
        s3Proxy.close();
        stack.close();
    }
}
