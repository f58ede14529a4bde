package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.config.InvalidConfigException;
import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.DummyAwsCredentials;
import io.occupancystream.job.testing.ExpectedResults;
import io.occupancystream.job.testing.FeaturedReadings;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.PacedSource;
import io.occupancystream.job.testing.ScoringJobs;
import io.occupancystream.job.testing.ScoringJobs.Run;
import io.occupancystream.job.testing.TrainedModels;
import io.occupancystream.job.testing.VariedReadings;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.serve.FaultInjector;
import io.occupancystream.modelops.serve.LocalEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the model scoring function sends a batch (row count, wait, checkpoint), in what order
 * results leave, and that the embedded and the endpoint client answer alike. The size trigger and
 * the row mapping are also shown by {@link EndpointScoringClusterTest}'s healthy-endpoint test.
 */
class MicroBatchingClusterTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final String NAME = "roomOccupancyEndpoint";
    private static final RuleScorer RULE = new RuleScorer(10);

    private static Path model;
    private static OccupancyPredictor predictor;

    private LocalEndpoint endpoint;

    @BeforeAll
    static void loadModel() throws IOException {
        DummyAwsCredentials.set();
        model = TrainedModels.model();
        predictor = OccupancyPredictor.load(model);
    }

    @AfterAll
    static void closeModel() {
        predictor.close();
        DummyAwsCredentials.clear();
    }

    @AfterEach
    void stopEndpoint() {
        if (endpoint != null) {
            endpoint.stop();
        }
    }

    /** Also: a slow endpoint (40 ms a request) still scores every reading with the model. */
    @Test
    void batchIsSentAfterTheMaxWaitWhenRowsComeSlowly() throws Exception {
        List<String> recording = VariedReadings.recording(2, 50, 21);
        endpoint =
                LocalEndpoint.start(predictor, NAME, 0, FaultInjector.none().withLatencyMillis(40));
        JobSettings config =
                endpointConfig("scoring.batch.max-rows=1000", "scoring.batch.max-wait=20 ms");

        Run run = ScoringJobs.run(config, PacedSource.of(recording, 4), ScoringJobs.stage(config));

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run, recording).model(ScoringJobs.ids(recording)));
        assertThat(endpoint.counters().rowsScored()).isEqualTo(recording.size());
        // 100 rows over 400 ms: never 1000 rows, so every request went out on the 20 ms wait
        assertThat(endpoint.counters().invocations()).isBetween(5L, 100L);
    }

    /**
     * Neither rows (a million) nor wait (an hour) send the batch: only the checkpoint does. The
     * source emits every reading, then waits for a checkpoint that started after the last one, so
     * the whole batch is sent by snapshotState, in one request.
     */
    @Test
    void checkpointSendsTheOpenBatch() throws Exception {
        List<FeaturedReading> readings = FeaturedReadings.madeUp(60);
        endpoint = LocalEndpoint.start(predictor, NAME, 0, FaultInjector.none());
        JobSettings config =
                endpointConfig(
                        "scoring.batch.max-rows=1000000",
                        "scoring.batch.max-wait=1 h",
                        "scoring.async.timeout=2 h",
                        "scoring.retry.budget=10 s");
        StreamExecutionEnvironment env = MiniClusters.environment();
        env.setParallelism(1);
        env.enableCheckpointing(100);
        CollectingSink<Result> results = new CollectingSink<>();
        DataStream<FeaturedReading> source =
                env.addSource(
                        EmitThenAwaitCheckpoint.of(readings),
                        TypeInformation.of(FeaturedReading.class));
        results.attach(ScoringJobs.stage(config).score(source));

        env.execute("flush on checkpoint");

        ExpectedResults expected =
                new ExpectedResults(
                        predictor, RULE, FeaturedReadings.recording(readings), readings);
        assertThat(ExpectedResults.describe(results.values()))
                .containsExactlyInAnyOrderElementsOf(
                        expected.model(FeaturedReadings.ids(readings)));
        assertThat(endpoint.counters().invocations()).isEqualTo(1);
        assertThat(endpoint.counters().rowsScored()).isEqualTo(readings.size());
    }

    /**
     * A function without end-of-input hook sends the last open batch of a bounded replay only when
     * its max-wait passes (no checkpoint barrier reaches it while the async operator drains), so a
     * max-wait that, with the retry budget, could outlast the async timeout would turn healthy
     * answers into TIMEOUT fallbacks. Such settings are refused at start-up.
     */
    @Test
    void maxWaitThatCouldOutlastTheAsyncTimeoutIsRefused() {
        assertThatThrownBy(
                        () ->
                                embeddedConfig(
                                        "scoring.batch.max-rows=1000",
                                        "scoring.batch.max-wait=1 h",
                                        "scoring.async.timeout=2 s",
                                        "scoring.retry.budget=1 s"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(
                        "scoring.retry.budget = '1 s' is invalid: expected a duration that, with"
                                + " scoring.batch.max-wait (1 h), stays below"
                                + " scoring.async.timeout (2 s)");
    }

    /**
     * Ordered mode with an endpoint that throttles half the requests: batches are retried, and so
     * answered later than batches sent after them, yet results leave in the order readings reached
     * the scoring stage, so per device in timestamp order.
     */
    @Test
    void orderedModeEmitsResultsInInputOrderWhileBatchesAreRetried() throws Exception {
        List<String> recording = VariedReadings.recording(2, 100, 23);
        endpoint =
                LocalEndpoint.start(
                        predictor, NAME, 0, FaultInjector.none().withThrottleRate(0.5).withSeed(5));
        JobSettings config =
                endpointConfig(
                        "scoring.async.ordered=true",
                        "scoring.batch.max-rows=5",
                        "scoring.retry.max-attempts=20",
                        // the rooms stage keeps the order scoring emits, as with Kinesis
                        "rooms.order=arrival");

        Run run = ScoringJobs.run(config, recording);

        assertThat(run.results.stream().map(Result::id))
                .containsExactlyElementsOf(
                        run.featured.stream()
                                .map(f -> f.reading.id())
                                .collect(Collectors.toList()));
        for (String device : List.of("dev-0", "dev-1")) {
            List<Long> timestamps =
                    run.results.stream()
                            .filter(r -> r.thingName.equals(device))
                            .map(r -> r.timestamp)
                            .collect(Collectors.toList());
            assertThat(timestamps).hasSize(100).isSortedAccordingTo(Comparator.naturalOrder());
        }
        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run, recording).model(ScoringJobs.ids(recording)));
        long throttled = endpoint.counters().errors("ThrottlingException");
        assertThat(throttled).isPositive();
        assertThat(endpoint.counters().invocations()).isEqualTo(recording.size() / 5 + throttled);
    }

    @Test
    void embeddedAndEndpointScoringGiveTheSameDecisionsAndProbabilities() throws Exception {
        List<String> recording = VariedReadings.recording(2, 100, 24);
        endpoint = LocalEndpoint.start(predictor, NAME, 0, FaultInjector.none());

        Run embedded = ScoringJobs.run(embeddedConfig("scoring.batch.max-rows=8"), recording);
        Run remote = ScoringJobs.run(endpointConfig("scoring.batch.max-rows=8"), recording);

        assertThat(decisions(remote.results))
                .hasSize(recording.size())
                .containsExactlyInAnyOrderElementsOf(decisions(embedded.results));
        assertThat(embedded.results)
                .extracting(r -> r.source.label() + " " + r.modelVersion)
                .containsOnly("model " + predictor.version());
        assertThat(remote.results)
                .extracting(r -> r.source.label() + " " + r.modelVersion)
                .containsOnly("model " + predictor.version());
    }

    private static List<String> decisions(List<Result> results) {
        return results.stream()
                .map(r -> r.id() + " " + r.roomOccupancy + " " + r.probability)
                .collect(Collectors.toList());
    }

    private JobSettings endpointConfig(String... overrides) {
        List<String> settings =
                new ArrayList<>(
                        List.of(
                                "scoring.scorer=endpoint",
                                "scoring.model.path=" + model,
                                "scoring.endpoint.name=" + NAME,
                                "scoring.endpoint.url=" + endpoint.url(),
                                "scoring.batch.max-wait=1 min",
                                "scoring.async.timeout=2 min",
                                "scoring.attempt-timeout=2 s",
                                "scoring.retry.base-backoff=1 ms",
                                "scoring.retry.max-backoff=4 ms",
                                "scoring.retry.budget=5 s",
                                "scoring.breaker.failures=1000"));
        settings.addAll(Arrays.asList(overrides));
        return ScoringJobs.config(settings);
    }

    private static JobSettings embeddedConfig(String... overrides) {
        List<String> settings =
                new ArrayList<>(
                        List.of(
                                "scoring.scorer=embedded",
                                "scoring.model.path=" + model,
                                "scoring.batch.max-wait=1 min",
                                "scoring.async.timeout=2 min"));
        settings.addAll(Arrays.asList(overrides));
        return ScoringJobs.config(settings);
    }

    private static ExpectedResults expected(Run run, List<String> recording) {
        assertThat(run.featured).hasSameSizeAs(recording);
        return new ExpectedResults(predictor, RULE, recording, run.featured);
    }

    /**
     * Emits its readings at once, then keeps the job running until a checkpoint that began after
     * the last of them has completed.
     */
    private static final class EmitThenAwaitCheckpoint
            implements SourceFunction<FeaturedReading>, CheckpointedFunction, CheckpointListener {
        private static final Map<String, List<FeaturedReading>> READINGS =
                new ConcurrentHashMap<>();

        private final String key;
        private volatile boolean emitted;
        private volatile long firstCheckpointAfter = Long.MAX_VALUE;
        private boolean done;

        private EmitThenAwaitCheckpoint(String key) {
            this.key = key;
        }

        static EmitThenAwaitCheckpoint of(List<FeaturedReading> readings) {
            String key = UUID.randomUUID().toString();
            READINGS.put(key, readings);
            return new EmitThenAwaitCheckpoint(key);
        }

        @Override
        public void run(SourceContext<FeaturedReading> ctx) throws Exception {
            synchronized (ctx.getCheckpointLock()) {
                for (FeaturedReading r : READINGS.get(key)) {
                    ctx.collect(r);
                }
                emitted = true;
            }
            synchronized (this) {
                while (!done) {
                    wait();
                }
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            if (emitted && firstCheckpointAfter == Long.MAX_VALUE) {
                firstCheckpointAfter = context.getCheckpointId();
            }
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {}

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (checkpointId >= firstCheckpointAfter) {
                stop();
            }
        }

        @Override
        public void cancel() {
            stop();
        }

        private synchronized void stop() {
            done = true;
            notifyAll();
        }
    }
}
