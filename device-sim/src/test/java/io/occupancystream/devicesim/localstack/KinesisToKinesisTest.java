package io.occupancystream.devicesim.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.delivery.RecordedLine;
import io.occupancystream.devicesim.kinesis.KinesisStreams;
import io.occupancystream.devicesim.tail.StreamTail;
import io.occupancystream.job.JobSettings;
import io.occupancystream.job.JobWiring;
import io.occupancystream.job.LocalFileSystems;
import io.occupancystream.job.OccupancyPipeline;
import io.occupancystream.job.PipelineOutputs;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.reading.ReadingJson;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStages;
import io.occupancystream.job.testing.FailOnceAfterCheckpoint;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.Recordings;
import io.occupancystream.job.testing.TrainedModels;
import io.occupancystream.model.ModelCard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The live path on real local servers: readings put into a kinesalite stream, the job on a
 * MiniCluster reading it, scoring through the local SageMaker endpoint, writing results and dead
 * letters to their streams and training sets to S3Proxy, and failing once after a checkpoint on the
 * way. Every record put comes back as a result or a dead letter, results carry the model's source,
 * and each training row is in the bucket exactly once. The devices share one room, two by the
 * settings' map and one by the room its readings name (as the IoT rule adds it), and every result
 * carries the room's decision fused from all three devices.
 */
class KinesisToKinesisTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusters.twoSlots();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START = TrainedModels.START;
    private static final int DEVICES = 3;
    private static final int STEPS = 400;
    private static final String ROOM = "sim-room";

    /** Two devices placed by the settings; the third names the room in its readings. */
    private static final String ROOMS_MAP = "rooms.map=sim-0=" + ROOM + " sim-1=" + ROOM;

    private static final List<String> BAD_RECORDS =
            List.of(
                    "not json at all",
                    "{\"thingName\":\"sim-0\",\"timestamp\":1513918800,\"state\":{\"reported\":"
                            + "{\"temperature\":70.0,\"sound\":-3}}}",
                    "{\"timestamp\":1513918800,\"state\":{\"reported\":{\"temperature\":70.0,"
                            + "\"sound\":3}}}");

    private static final Map<String, String> previousProperties = new HashMap<>();
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        LocalStack.credentialProperties()
                .forEach(
                        (key, value) -> {
                            previousProperties.put(key, System.getProperty(key));
                            System.setProperty(key, value);
                        });
        stack =
                LocalStack.start(
                        Path.of("kinesalite"),
                        TrainedModels.model(),
                        LocalStackLayout.defaults(),
                        LocalStack.Ports.free());
        Configuration conf = new Configuration();
        stack.s3FileSystemSettings().forEach(conf::setString);
        LocalFileSystems.initialize(conf, Path.of("target", "plugins"));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        previousProperties.forEach(
                (key, value) -> {
                    if (value == null) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
    }

    @Test
    void everyRecordBecomesAResultOrDeadLetterAndEveryTrainingRowLandsInS3Once(@TempDir Path dir)
            throws Exception {
        List<String> readings = readings();
        List<String> expectedRows = referenceTrainingRows(readings, dir.resolve("reference"));
        assertThat(expectedRows).hasSize(DEVICES * STEPS);

        // No later reading is needed to release the last ones: readings are scored and made
        // training rows as they arrive.
        List<String> records = new ArrayList<>(readings);
        records.addAll(BAD_RECORDS);
        putRecords("occupancy-readings", records);

        JobSettings config = liveConfig(dir.resolve("out"));
        JobClient job = startLiveJob(config, true);
        try {
            Set<String> expectedIds = ids(readings);
            StreamTail results = tail("occupancy-results");
            StreamTail deadLetters = tail("occupancy-dead-letters");
            Map<String, JsonNode> resultsById = new TreeMap<>();
            Set<String> deadRaw = new TreeSet<>();
            List<String> rows = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline
                    && (resultsById.size() < expectedIds.size()
                            || deadRaw.size() < BAD_RECORDS.size()
                            || rows.size() < expectedRows.size())) {
                if (job.getJobStatus().get() == JobStatus.FAILED) {
                    job.getJobExecutionResult().get(); // throws with the cause
                }
                for (String r : results.poll(Long.MAX_VALUE)) {
                    JsonNode result = JSON.readTree(r);
                    resultsById.put(result.get("id").asText(), result);
                }
                for (String d : deadLetters.poll(Long.MAX_VALUE)) {
                    deadRaw.add(JSON.readTree(d).get("raw").asText());
                }
                rows = trainingRowsInS3();
                Thread.sleep(500);
            }

            assertThat(FailOnceAfterCheckpoint.FAILED).isTrue();
            Set<String> missing = new TreeSet<>(expectedIds);
            missing.removeAll(resultsById.keySet());
            assertThat(missing).as("readings without a result").isEmpty();
            assertThat(resultsById.keySet()).isEqualTo(expectedIds);
            assertThat(deadRaw).isEqualTo(new TreeSet<>(BAD_RECORDS));
            String modelVersion = ModelCard.read(TrainedModels.model()).modelVersion;
            Set<Integer> voters = new TreeSet<>();
            for (JsonNode result : resultsById.values()) {
                assertThat(result.get("source").asText()).isEqualTo("model");
                assertThat(result.get("modelVersion").asText()).isEqualTo(modelVersion);
                assertThat(result.get("room").asText()).isEqualTo(ROOM);
                voters.add(result.get("roomVoters").asInt());
            }
            // Decided on arrival: how many devices are fresh when a result arrives depends on how
            // far apart the two source readers run, but the three devices decide as one room.
            assertThat(voters).contains(DEVICES);
            assertThat(voters).allSatisfy(v -> assertThat(v).isBetween(1, DEVICES));
            assertThat(rows).hasSameSizeAs(expectedRows);
            assertThat(rows).containsExactlyInAnyOrderElementsOf(expectedRows);
        } finally {
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get();
            }
        }
    }

    /**
     * Decided in event-time order on a live stream: once every reading is in, no newer one moves
     * the watermark past the last second, and its results leave after the rooms stage's maximum
     * wait (10 s by default on Kinesis), decided with the votes of all three devices.
     */
    @Test
    void inEventTimeOrderTheLastReadingsBeforeALullAreDecidedAfterTheMaximumWait(@TempDir Path dir)
            throws Exception {
        try (KinesisClient kinesis = stack.kinesisClient()) {
            KinesisStreams.createActive(kinesis, "event-time-readings", 2, Duration.ofSeconds(30));
            KinesisStreams.createActive(kinesis, "event-time-results", 1, Duration.ofSeconds(30));
        }
        List<String> readings = readings();
        putRecords("event-time-readings", readings);
        JobSettings config =
                liveConfig(
                        dir.resolve("out"),
                        "rooms.order=event-time",
                        "kinesis.input-stream=event-time-readings",
                        "kinesis.results-stream=event-time-results",
                        "training.path=s3://occupancy-stream/event-time-training");

        JobClient job = startLiveJob(config, false);
        try {
            Set<String> expectedIds = ids(readings);
            StreamTail results = tail("event-time-results");
            Map<String, JsonNode> resultsById = new TreeMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline && resultsById.size() < expectedIds.size()) {
                if (job.getJobStatus().get() == JobStatus.FAILED) {
                    job.getJobExecutionResult().get(); // throws with the cause
                }
                for (String r : results.poll(Long.MAX_VALUE)) {
                    JsonNode result = JSON.readTree(r);
                    resultsById.put(result.get("id").asText(), result);
                }
                Thread.sleep(500);
            }

            assertThat(resultsById.keySet()).isEqualTo(expectedIds);
            long last = START + (STEPS - 1) * 30L; // Recordings.simulated sends every 30 s
            for (JsonNode result : resultsById.values()) {
                assertThat(result.get("room").asText()).isEqualTo(ROOM);
                if (result.get("timestamp").asLong() == last) {
                    assertThat(result.get("roomVoters").asInt()).isEqualTo(DEVICES);
                }
            }
        } finally {
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get();
            }
        }
    }

    /** The simulated readings; the IoT rule adds the room from sim-2's registry attribute. */
    private static List<String> readings() {
        List<String> readings = new ArrayList<>();
        for (String reading : Recordings.simulated(DEVICES, STEPS, START)) {
            readings.add(
                    reading.startsWith("{\"thingName\":\"sim-2\"")
                            ? reading.substring(0, reading.length() - 1)
                                    + ",\"room\":\""
                                    + ROOM
                                    + "\"}"
                            : reading);
        }
        return readings;
    }

    private static Set<String> ids(List<String> readings) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (String reading : readings) {
            ids.add(id(JSON.readTree(reading)));
        }
        return ids;
    }

    private static StreamTail tail(String stream) {
        StreamTail tail =
                new StreamTail(
                        stack.kinesisClient(), stream, System::nanoTime, Pacer.Sleeper.THREAD);
        tail.start(ShardIteratorType.TRIM_HORIZON);
        return tail;
    }

    private static String id(JsonNode reading) {
        return reading.get("thingName").asText() + ":" + reading.get("timestamp").asLong();
    }

    private void putRecords(String stream, List<String> records) {
        try (KinesisClient kinesis = stack.kinesisClient()) {
            for (int from = 0; from < records.size(); from += 500) {
                List<PutRecordsRequestEntry> entries =
                        records.subList(from, Math.min(records.size(), from + 500)).stream()
                                .map(
                                        r ->
                                                PutRecordsRequestEntry.builder()
                                                        .partitionKey(partitionKey(r))
                                                        .data(SdkBytes.fromUtf8String(r))
                                                        .build())
                                .collect(Collectors.toList());
                int failed =
                        kinesis.putRecords(b -> b.streamName(stream).records(entries))
                                .failedRecordCount();
                assertThat(failed).isZero();
            }
        }
    }

    /**
     * A device's readings share a partition key, and so a shard and its order, as the IoT rule and
     * the replay target put them: features are computed in arrival order per device, and a device
     * spread over shards read at different speeds would see its readings reordered.
     */
    private static String partitionKey(String record) {
        return new RecordedLine(
                        "records",
                        record.hashCode(),
                        record,
                        ReadingJson.parse(record, Long.MAX_VALUE))
                .partitionKey();
    }

    private JobSettings liveConfig(Path out, String... more) throws Exception {
        Map<Setting<?>, String> settings =
                LocalJobSettings.of(stack, TrainedModels.model(), out.toAbsolutePath());
        List<String> overrides = new ArrayList<>();
        settings.forEach((key, value) -> overrides.add(key.qualifiedName() + "=" + value));
        overrides.add("source.idleness=1 s");
        overrides.add(ROOMS_MAP);
        overrides.add("kinesis.sink.max-buffer-time=200 ms");
        overrides.addAll(List.of(more));
        return JobSettings.withOverrides(overrides);
    }

    private static JobClient startLiveJob(JobSettings config, boolean failOnce) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(500);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, Time.milliseconds(100)));
        ReadingSource kinesis = JobWiring.source(config);
        RuleScorer rule = config.scoring.rule();
        new OccupancyPipeline(
                        config,
                        e ->
                                failOnce
                                        ? kinesis.rawReadings(e)
                                                .map(FailOnceAfterCheckpoint.failing(5))
                                        : kinesis.rawReadings(e),
                        ScoringStages.of(config.scoring, rule),
                        rule,
                        PipelineOutputs.from(config),
                        Clock.systemUTC())
                .build(env);
        return env.executeAsync("kinesis to kinesis");
    }

    /** The training rows of a failure-free replay of the same readings. */
    private static List<String> referenceTrainingRows(List<String> readings, Path out)
            throws Exception {
        Path recording = Recordings.write(out.resolveSibling("recording.jsonl"), readings);
        JobSettings config =
                JobSettings.withOverrides(
                        List.of(
                                "output.path=" + out,
                                ROOMS_MAP,
                                SourceSettings.REPLAY_PATH.qualifiedName() + "=" + recording));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobWiring.pipeline(config, Clock.systemUTC()).build(env);
        env.execute("reference");
        return withoutHeaders(Recordings.committedLines(out.resolve("training"), ".csv"));
    }

    private static List<String> trainingRowsInS3() {
        List<String> lines = new ArrayList<>();
        try (S3Client s3 = stack.s3Client()) {
            for (S3Object object :
                    s3.listObjectsV2Paginator(r -> r.bucket("occupancy-stream").prefix("training/"))
                            .contents()) {
                String body =
                        s3.getObjectAsBytes(r -> r.bucket("occupancy-stream").key(object.key()))
                                .asString(StandardCharsets.UTF_8);
                lines.addAll(List.of(body.split("\n")));
            }
        }
        return withoutHeaders(lines);
    }

    private static List<String> withoutHeaders(List<String> lines) {
        return lines.stream()
                .filter(line -> !line.isEmpty() && !line.equals(FeatureCsv.header()))
                .collect(Collectors.toList());
    }
}
