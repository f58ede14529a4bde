package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.DummyAwsCredentials;
import io.occupancystream.job.testing.ExpectedResults;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.NoAwsCredentials;
import io.occupancystream.job.testing.PacedSource;
import io.occupancystream.job.testing.ScoringJobs;
import io.occupancystream.job.testing.ScoringJobs.Run;
import io.occupancystream.job.testing.TrainedModels;
import io.occupancystream.job.testing.VariedReadings;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.model.InferenceKey;
import io.occupancystream.modelops.serve.AnswerStyle;
import io.occupancystream.modelops.serve.FaultInjector;
import io.occupancystream.modelops.serve.LocalEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Endpoint scoring on a MiniCluster against a real local SageMaker-style endpoint (model-ops'
 * LocalEndpoint serving a model trained on the job's own training sets), through the job's {@code
 * EndpointModelClient}, with the endpoint's faults injected: every reading comes out exactly once,
 * scored by the model or by the rule with the reason, and the endpoint's counters show what was
 * retried.
 *
 * <p>Unless a test says otherwise: 200 readings in batches of exactly 10 (the wait is long, so only
 * the row count sends a batch), 3 attempts with 1-4 ms backoff, and a breaker that never opens.
 */
class EndpointScoringClusterTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final String NAME = "roomOccupancyEndpoint";
    private static final int ROWS_PER_BATCH = 10;
    private static final List<String> RECORDING = VariedReadings.recording(2, 100, 11);
    private static final int BATCHES = RECORDING.size() / ROWS_PER_BATCH;
    private static final int MAX_ATTEMPTS = 3;
    private static final RuleScorer RULE = new RuleScorer(10);

    private static Path model;
    private static OccupancyPredictor predictor;

    private final List<LocalEndpoint> endpoints = Collections.synchronizedList(new ArrayList<>());

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
    void stopEndpoints() {
        synchronized (endpoints) {
            endpoints.forEach(LocalEndpoint::stop);
        }
    }

    /**
     * Also the batching tests' size trigger and row mapping: 20 requests of exactly 10 rows (none
     * can hold more, and 200 rows came in 20), and every result has the label and P(occupied) the
     * predictor gives that reading's own row scored alone, whichever kind of container answers
     * (AWS, SageMaker Developer Guide, "Configure inference output in generated containers": an
     * ensembling model's probability is the predicted label's, an HPO model's the positive class's;
     * built-in XGBoost answers bare probabilities), free rooms included.
     */
    @ParameterizedTest
    @EnumSource(AnswerStyle.class)
    void healthyEndpointScoresEveryReadingOnceWithTheModelsProbabilityForItsOwnRow(
            AnswerStyle style) throws Exception {
        LocalEndpoint endpoint = serve(0, FaultInjector.none(), style);

        Run run = ScoringJobs.run(config(endpoint.url().toString()), RECORDING);

        List<String> expected = expected(run).model(ids(RECORDING));
        assertThat(expected)
                .as("readings the model finds occupied and free")
                .anyMatch(line -> line.contains(" true "))
                .anyMatch(line -> line.contains(" false "));
        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(endpoint.counters().invocations()).isEqualTo(BATCHES);
        assertThat(endpoint.counters().rowsScored()).isEqualTo(RECORDING.size());
        assertThat(endpoint.counters().errors()).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedThenFallBackWithReasonServerError() throws Exception {
        LocalEndpoint endpoint = serve(FaultInjector.none().withErrorRate(1.0).withSeed(3));

        Run run = ScoringJobs.run(config(endpoint.url().toString()), RECORDING);

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run).fallback(ids(RECORDING), FallbackReason.SERVER_ERROR));
        long errors =
                endpoint.counters().errors("InternalFailure")
                        + endpoint.counters().errors("ServiceUnavailable");
        assertThat(endpoint.counters().invocations()).isEqualTo(BATCHES * MAX_ATTEMPTS);
        assertThat(errors).isEqualTo(BATCHES * MAX_ATTEMPTS);
    }

    @Test
    void throttlingIsRetriedThenFallsBackWithReasonThrottled() throws Exception {
        LocalEndpoint endpoint = serve(FaultInjector.none().withThrottleRate(1.0));

        Run run = ScoringJobs.run(config(endpoint.url().toString()), RECORDING);

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run).fallback(ids(RECORDING), FallbackReason.THROTTLED));
        assertThat(endpoint.counters().invocations()).isEqualTo(BATCHES * MAX_ATTEMPTS);
        assertThat(endpoint.counters().errors("ThrottlingException"))
                .isEqualTo(BATCHES * MAX_ATTEMPTS);
    }

    /**
     * SageMaker answers a name it does not know with 400 ValidationError "Endpoint NAME of account
     * ID not found." (SageMaker Runtime "InvokeEndpoint" API reference, Errors): no retry fixes it,
     * so it is not retried, it opens the breaker at once, and every reading, the refused ones too,
     * carries ENDPOINT_NOT_FOUND rather than CIRCUIT_OPEN.
     */
    @Test
    void missingEndpointIsNotRetriedAndEveryReadingCarriesEndpointNotFound() throws Exception {
        LocalEndpoint endpoint = serve(FaultInjector.none());

        Run run =
                ScoringJobs.run(
                        config(
                                endpoint.url().toString(),
                                "scoring.endpoint.name=noSuchEndpoint",
                                "scoring.breaker.cool-down=1 min"),
                        RECORDING);

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run).fallback(ids(RECORDING), FallbackReason.ENDPOINT_NOT_FOUND));
        assertThat(endpoint.counters().invocations())
                .isEqualTo(endpoint.counters().errors("ValidationError"))
                .isLessThanOrEqualTo(BATCHES);
    }

    /**
     * A caller without sagemaker:InvokeEndpoint gets AccessDeniedException (AWS "Common Errors";
     * the local endpoint's access fault answers as IAM does): every reading carries ACCESS_DENIED.
     */
    @Test
    void accessDeniedIsNotRetriedAndEveryReadingCarriesAccessDenied() throws Exception {
        LocalEndpoint endpoint = serve(FaultInjector.none().withAccessDenied());

        Run run =
                ScoringJobs.run(
                        config(endpoint.url().toString(), "scoring.breaker.cool-down=1 min"),
                        RECORDING);

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run).fallback(ids(RECORDING), FallbackReason.ACCESS_DENIED));
        assertThat(endpoint.counters().invocations())
                .isEqualTo(endpoint.counters().errors("AccessDeniedException"))
                .isLessThanOrEqualTo(BATCHES);
    }

    /**
     * The run: a healthy endpoint, no AWS credentials. The SDK sends nothing, and every
     * reading carries NO_CREDENTIALS (it was CIRCUIT_OPEN, the credential failure being taken for a
     * network error and retried).
     */
    @Test
    void withoutCredentialsNothingIsSentAndEveryReadingCarriesNoCredentials() throws Exception {
        LocalEndpoint endpoint = serve(FaultInjector.none());
        NoAwsCredentials.set();
        Run run;
        try {
            run = ScoringJobs.run(config(endpoint.url().toString()), RECORDING);
        } finally {
            NoAwsCredentials.clear(); // back to the dummy credentials
        }

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run).fallback(ids(RECORDING), FallbackReason.NO_CREDENTIALS));
        assertThat(endpoint.counters().invocations()).isZero();
    }

    @Test
    void hungRequestsTimeOutPerAttemptAreRetriedThenFallBackWithReasonNetworkError()
            throws Exception {
        LocalEndpoint endpoint = serve(FaultInjector.none().withHangRate(1.0));

        Run run =
                ScoringJobs.run(
                        config(
                                endpoint.url().toString(),
                                "scoring.attempt-timeout=400 ms",
                                "scoring.retry.max-attempts=2"),
                        RECORDING);

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run).fallback(ids(RECORDING), FallbackReason.NETWORK_ERROR));
        assertThat(endpoint.counters().invocations()).isEqualTo(BATCHES * 2);
        assertThat(endpoint.counters().hung()).isEqualTo(BATCHES * 2);
    }

    @Test
    void hungRequestsPastTheAsyncTimeoutFallBackWithReasonTimeout() throws Exception {
        LocalEndpoint endpoint = serve(FaultInjector.none().withHangRate(1.0));

        Run run =
                ScoringJobs.run(
                        config(
                                endpoint.url().toString(),
                                "scoring.attempt-timeout=5 s",
                                "scoring.batch.max-wait=20 ms",
                                "scoring.async.timeout=300 ms",
                                "scoring.retry.budget=200 ms"),
                        RECORDING);

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run).fallback(ids(RECORDING), FallbackReason.TIMEOUT));
        assertThat(endpoint.counters().invocations()).isEqualTo(BATCHES);
        assertThat(endpoint.counters().hung()).isEqualTo(BATCHES);
    }

    @Test
    void endpointDownFromTheStartFallsBackWithReasonNetworkErrorForEveryReading() throws Exception {
        Run run = ScoringJobs.run(config("http://127.0.0.1:" + closedPort()), RECORDING);

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        expected(run).fallback(ids(RECORDING), FallbackReason.NETWORK_ERROR));
    }

    /**
     * 300 readings paced 5 ms apart; the source waits for the first request (so that the scoring
     * task is up), stops the endpoint at reading 100 once readings 0-59 have their results, and at
     * reading 200, once readings 0-159 have theirs, starts a new endpoint on the same port.
     * Readings sent before the stop are the model's, those sent while it is down fall back after
     * their retries, and those sent after the restart are the model's again.
     */
    @Test
    void endpointDownMidwayThenBackFallsBackMeanwhileAndScoresByTheModelAgain() throws Exception {
        List<String> recording = VariedReadings.recording(2, 150, 12);
        List<String> ids = ids(recording);
        LocalEndpoint first = serve(FaultInjector.none());
        int port = first.port();
        CollectingSink<Result> results = new CollectingSink<>();
        IntConsumer outage =
                index -> {
                    if (index == 10) {
                        ScoringJobs.await(
                                "the first request",
                                () -> first.counters().invocations() > 0,
                                30_000);
                    } else if (index == 100) {
                        ScoringJobs.awaitResults(results, ids.subList(0, 60));
                        first.stop();
                    } else if (index == 200) {
                        ScoringJobs.awaitResults(results, ids.subList(0, 160));
                        serve(port, FaultInjector.none());
                    }
                };
        JobSettings config =
                config(
                        first.url().toString(),
                        "scoring.batch.max-rows=5",
                        "scoring.retry.budget=30 ms");

        Run run =
                ScoringJobs.run(
                        config,
                        PacedSource.of(recording, 5, outage),
                        ScoringJobs.stage(config),
                        results);

        ExpectedResults expected = expected(run, recording);
        Map<String, String> byId = byId(run.results);
        assertThat(run.results).hasSameSizeAs(recording);
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (i < 60 || i >= 200) {
                assertThat(byId.get(id)).as("reading %d", i).isEqualTo(expected.model(id));
            } else if (i >= 100 && i < 160) {
                assertThat(byId.get(id))
                        .as("reading %d", i)
                        .isEqualTo(expected.fallback(id, FallbackReason.NETWORK_ERROR));
            } else {
                assertThat(byId.get(id))
                        .as("reading %d", i)
                        .isIn(
                                expected.model(id),
                                expected.fallback(id, FallbackReason.NETWORK_ERROR),
                                expected.fallback(id, FallbackReason.SERVER_ERROR));
            }
        }
        long scoredByModel =
                run.results.stream().filter(r -> r.source == ScoreSource.MODEL).count();
        assertThat(first.counters().rowsScored() + endpoints.get(1).counters().rowsScored())
                .isEqualTo(scoredByModel);
    }

    /**
     * With a breaker that opens after 2 failures and cools down for 150 ms, an endpoint that fails
     * every request (no retries) is called far less often than batches are made: the others fall
     * back with CIRCUIT_OPEN. Once the endpoint is healthy again (swapped after its third request:
     * two failures, one failed probe), a probe closes the breaker and the model scores. 300
     * readings paced 4 ms apart; the source waits for the first request, so that the scoring task
     * is up before the clock of the pacing matters, and before reading 250 for the breaker to have
     * closed, so that the last 50 readings are the model's.
     */
    @Test
    void breakerOpensOnAFailingEndpointAndClosesWhenItRecovers() throws Exception {
        List<String> recording = VariedReadings.recording(2, 150, 13);
        int rowsPerBatch = 5;
        LocalEndpoint failing = serve(FaultInjector.none().withErrorRate(1.0));
        int port = failing.port();
        IntConsumer recovery =
                index -> {
                    if (index == 10) {
                        ScoringJobs.await(
                                "the first request",
                                () -> failing.counters().invocations() > 0,
                                30_000);
                    }
                    if (endpoints.size() == 1 && failing.counters().invocations() >= 3) {
                        failing.stop();
                        serve(port, FaultInjector.none());
                    }
                    if (index == 250) {
                        // two requests reached the healthy endpoint: the breaker has closed
                        ScoringJobs.await(
                                "the breaker to close",
                                () ->
                                        endpoints.size() == 2
                                                && endpoints.get(1).counters().invocations() >= 2,
                                10_000);
                    }
                };
        JobSettings config =
                config(
                        failing.url().toString(),
                        "scoring.batch.max-rows=" + rowsPerBatch,
                        "scoring.retry.max-attempts=1",
                        "scoring.breaker.failures=2",
                        "scoring.breaker.cool-down=150 ms");

        Run run =
                ScoringJobs.run(
                        config, PacedSource.of(recording, 4, recovery), ScoringJobs.stage(config));

        ExpectedResults expected = expected(run, recording);
        List<String> ids = ids(recording);
        Map<String, String> byId = byId(run.results);
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(run.results).hasSameSizeAs(recording);
        long serverErrors = 0;
        long circuitOpen = 0;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String result = byId.get(id);
            if (i >= 250) {
                assertThat(result).as("reading %d", i).isEqualTo(expected.model(id));
            } else {
                assertThat(result)
                        .as("reading %d", i)
                        .isIn(
                                expected.model(id),
                                expected.fallback(id, FallbackReason.SERVER_ERROR),
                                expected.fallback(id, FallbackReason.CIRCUIT_OPEN));
            }
            serverErrors +=
                    result.equals(expected.fallback(id, FallbackReason.SERVER_ERROR)) ? 1 : 0;
            circuitOpen +=
                    result.equals(expected.fallback(id, FallbackReason.CIRCUIT_OPEN)) ? 1 : 0;
        }
        // every batch of 5 went to the failing endpoint, was refused, or went to the healthy one
        long batches = recording.size() / rowsPerBatch;
        long failingCalls = failing.counters().invocations();
        long healthyCalls = endpoints.get(1).counters().invocations();
        assertThat(failingCalls).isGreaterThanOrEqualTo(3);
        assertThat(serverErrors).isEqualTo(failingCalls * rowsPerBatch);
        assertThat(circuitOpen).isEqualTo((batches - failingCalls - healthyCalls) * rowsPerBatch);
        assertThat(endpoints.get(1).counters().rowsScored())
                .isEqualTo(healthyCalls * rowsPerBatch)
                .isEqualTo(recording.size() - serverErrors - circuitOpen);
        assertThat(failingCalls + healthyCalls).as("endpoint calls").isLessThan(batches);
    }

    private LocalEndpoint serve(FaultInjector faults) {
        return serve(0, faults);
    }

    private LocalEndpoint serve(int port, FaultInjector faults) {
        return serve(port, faults, AnswerStyle.ENSEMBLING);
    }

    private LocalEndpoint serve(int port, FaultInjector faults, AnswerStyle style) {
        try {
            LocalEndpoint endpoint =
                    LocalEndpoint.start(predictor, NAME, port, faults, style, InferenceKey.all());
            endpoints.add(endpoint);
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JobSettings config(String url, String... overrides) {
        List<String> settings =
                new ArrayList<>(
                        List.of(
                                "scoring.scorer=endpoint",
                                "scoring.model.path=" + model,
                                "scoring.endpoint.name=" + NAME,
                                "scoring.endpoint.url=" + url,
                                "scoring.batch.max-rows=" + ROWS_PER_BATCH,
                                "scoring.batch.max-wait=1 min",
                                "scoring.async.timeout=2 min",
                                "scoring.attempt-timeout=2 s",
                                "scoring.retry.max-attempts=" + MAX_ATTEMPTS,
                                "scoring.retry.base-backoff=1 ms",
                                "scoring.retry.max-backoff=4 ms",
                                "scoring.retry.budget=5 s",
                                "scoring.breaker.failures=1000",
                                "scoring.breaker.cool-down=100 ms"));
        settings.addAll(Arrays.asList(overrides));
        return ScoringJobs.config(settings);
    }

    private static ExpectedResults expected(Run run) {
        return expected(run, RECORDING);
    }

    private static ExpectedResults expected(Run run, List<String> recording) {
        assertThat(run.featured).hasSameSizeAs(recording);
        return new ExpectedResults(predictor, RULE, recording, run.featured);
    }

    private static List<String> ids(List<String> recording) {
        return ScoringJobs.ids(recording);
    }

    private static Map<String, String> byId(List<Result> results) {
        return results.stream()
                .collect(
                        Collectors.toMap(
                                Result::id, ExpectedResults::describe, (a, b) -> a + " AND " + b));
    }

    /** A local port with nothing listening. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
