package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.scoring.follow.ModelRelease;
import io.occupancystream.job.testing.ExpectedResults;
import io.occupancystream.job.testing.FeaturedReadings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The model scoring function in Flink's async operator, with fake clients and a {@link
 * ManualScheduler}: when batches go out (rows, bytes, max wait, checkpoint), how failures are
 * retried and when they are not, how the breaker refuses and probes, and that every reading comes
 * out once, scored by the model or by the rule with its reason. Time moves only by hand.
 */
class ModelScoringFunctionTest {
    private static final RuleScorer RULE = new RuleScorer(10);
    private static final List<FeaturedReading> READINGS = FeaturedReadings.madeUp(100);
    private static final ExpectedResults EXPECTED =
            ExpectedResults.ruleOnly(RULE, FeaturedReadings.recording(READINGS));
    private static final int ROWS_PER_BATCH = 10;
    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(10);
    private static final RetryPolicy NO_RETRY =
            new RetryPolicy(
                    1, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(5));
    private static final RetryPolicy RETRY =
            new RetryPolicy(
                    3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(1));

    private final ManualScheduler time = new ManualScheduler();
    private ScoringHarness harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void answerWithTooFewRowsFallsBackWithReasonBadResponseWithoutRetry() throws Exception {
        FakeClients clients =
                FakeClients.answering(
                        rows ->
                                CompletableFuture.completedFuture(
                                        new ModelAnswer(
                                                new boolean[rows.size() - 1],
                                                new float[rows.size() - 1],
                                                "fake")));

        assertEveryReadingFellBackOnce(clients, FallbackReason.BAD_RESPONSE);
    }

    @Test
    void failureInProcessFallsBackWithReasonModelErrorWithoutRetry() throws Exception {
        FakeClients clients =
                FakeClients.answering(
                        rows ->
                                CompletableFuture.failedFuture(
                                        new IllegalStateException("XGBoost prediction failed")));

        assertEveryReadingFellBackOnce(clients, FallbackReason.MODEL_ERROR);
    }

    @Test
    void clientThrowingInsteadOfReturningAFutureFallsBackForEveryReading() throws Exception {
        FakeClients clients =
                FakeClients.answering(
                        rows -> {
                            throw new IllegalArgumentException("cannot build the request");
                        });

        assertEveryReadingFellBackOnce(clients, FallbackReason.MODEL_ERROR);
    }

    /**
     * scoring.batch.max-bytes is "CSV bytes per model request at most": a batch goes out before a
     * row would take it past the limit (a request over 6 MiB is rejected by SageMaker).
     */
    @Test
    void noRequestIsLargerThanTheMaxBytes() throws Exception {
        int maxBytes = 400;
        FakeClients clients = FakeClients.answering(ModelScoringFunctionTest::occupied);
        open(clients, new BatchSettings(1000, maxBytes, Duration.ofMillis(20)), RETRY, 1000);

        harness.score(READINGS);
        time.advance(Duration.ofMillis(20));

        assertThat(harness.results()).extracting(r -> r.source).containsOnly(ScoreSource.MODEL);
        assertThat(harness.results()).hasSameSizeAs(READINGS);
        assertThat(clients.requestBytes())
                .allSatisfy(b -> assertThat(b).isLessThanOrEqualTo(maxBytes));
        assertThat(clients.requestRows().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(READINGS.size());
    }

    @Test
    void openBatchGoesOutWhenItsMaxWaitHasPassedAndAFullOneAtOnce() throws Exception {
        FakeClients clients = FakeClients.answering(ModelScoringFunctionTest::occupied);
        open(
                clients,
                new BatchSettings(ROWS_PER_BATCH, 1 << 20, Duration.ofMillis(50)),
                RETRY,
                1000);

        harness.score(READINGS.subList(0, 3));
        time.advance(Duration.ofMillis(49));
        assertThat(clients.requestRows()).isEmpty();
        time.advance(Duration.ofMillis(1));
        assertThat(clients.requestRows()).containsExactly(3);

        harness.score(READINGS.subList(3, 3 + ROWS_PER_BATCH));
        assertThat(clients.requestRows()).containsExactly(3, ROWS_PER_BATCH);
        assertThat(ExpectedResults.describe(harness.results()))
                .containsExactlyInAnyOrderElementsOf(
                        modelLines(READINGS.subList(0, 3 + ROWS_PER_BATCH)));
    }

    @Test
    void checkpointSendsTheOpenBatch() throws Exception {
        FakeClients clients = FakeClients.answering(ModelScoringFunctionTest::occupied);
        open(clients, new BatchSettings(1_000_000, 1 << 20, Duration.ofHours(1)), RETRY, 1000);

        harness.score(READINGS);
        assertThat(clients.requestRows()).isEmpty();
        harness.checkpoint(1);

        assertThat(clients.requestRows()).containsExactly(READINGS.size());
        assertThat(ExpectedResults.describe(harness.results()))
                .containsExactlyInAnyOrderElementsOf(modelLines(READINGS));
    }

    /** Equal jitter: the pause before the second attempt is between half and all of 100 ms. */
    @Test
    void transientFailureIsRetriedAfterItsBackoffThenScoredByTheModel() throws Exception {
        FakeClients clients =
                FakeClients.answering(failingFirst(1, () -> new IOException("connection reset")));
        open(clients, batchesOf(ROWS_PER_BATCH), RETRY, 1000);
        List<FeaturedReading> batch = READINGS.subList(0, ROWS_PER_BATCH);

        harness.score(batch);
        assertThat(clients.requestRows()).containsExactly(ROWS_PER_BATCH);
        long backoff = time.pendingDelaysMillis().get(0);
        assertThat(backoff).isBetween(50L, 100L);
        time.advance(Duration.ofMillis(backoff - 1));
        assertThat(clients.requestRows()).hasSize(1);
        assertThat(harness.results()).isEmpty();
        time.advance(Duration.ofMillis(1));

        assertThat(clients.requestRows()).containsExactly(ROWS_PER_BATCH, ROWS_PER_BATCH);
        assertThat(ExpectedResults.describe(harness.results()))
                .containsExactlyInAnyOrderElementsOf(modelLines(batch));
    }

    /** With a 1 s budget, a failure 950 ms in leaves no room for a backoff of at least 50 ms. */
    @Test
    void retryThatWouldStartPastTheBudgetIsNotMadeAndTheBatchFallsBack() throws Exception {
        List<CompletableFuture<ModelAnswer>> answers =
                Collections.synchronizedList(new ArrayList<>());
        FakeClients clients =
                FakeClients.answering(
                        rows -> {
                            CompletableFuture<ModelAnswer> answer = new CompletableFuture<>();
                            answers.add(answer);
                            return answer;
                        });
        open(clients, batchesOf(ROWS_PER_BATCH), RETRY, 1000);
        List<FeaturedReading> batch = READINGS.subList(0, ROWS_PER_BATCH);

        harness.score(batch);
        time.advance(Duration.ofMillis(950));
        answers.get(0).completeExceptionally(new IOException("connection reset"));
        time.advance(Duration.ofSeconds(1));

        assertThat(clients.requestRows()).hasSize(1);
        assertThat(ExpectedResults.describe(harness.results()))
                .containsExactlyInAnyOrderElementsOf(
                        EXPECTED.fallback(
                                FeaturedReadings.ids(batch), FallbackReason.NETWORK_ERROR));
    }

    /**
     * Two failures open the breaker for 1 s; then one probe goes out, and its success closes it.
     */
    @Test
    void breakerRefusesCallsForItsCoolDownThenLetsAProbeThrough() throws Exception {
        FakeClients clients =
                FakeClients.answering(failingFirst(2, () -> new IOException("connection refused")));
        open(clients, batchesOf(1), NO_RETRY, 2);
        List<String> ids = FeaturedReadings.ids(READINGS);

        harness.score(READINGS.subList(0, 3));
        time.advance(Duration.ofMillis(999));
        harness.score(READINGS.subList(3, 4));
        time.advance(Duration.ofMillis(1));
        harness.score(READINGS.subList(4, 6));

        assertThat(clients.requestRows()).containsExactly(1, 1, 1, 1);
        assertThat(ExpectedResults.describe(harness.results()))
                .containsExactly(
                        EXPECTED.fallback(ids.get(0), FallbackReason.NETWORK_ERROR),
                        EXPECTED.fallback(ids.get(1), FallbackReason.NETWORK_ERROR),
                        EXPECTED.fallback(ids.get(2), FallbackReason.CIRCUIT_OPEN),
                        EXPECTED.fallback(ids.get(3), FallbackReason.CIRCUIT_OPEN),
                        modelLine(ids.get(4)),
                        modelLine(ids.get(5)));
    }

    @Test
    void readingNotAnsweredWithinTheAsyncTimeoutFallsBackWithReasonTimeout() throws Exception {
        FakeClients clients = FakeClients.answering(rows -> new CompletableFuture<>());
        open(clients, batchesOf(ROWS_PER_BATCH), RETRY, 1000);
        List<FeaturedReading> batch = READINGS.subList(0, ROWS_PER_BATCH);

        harness.score(batch);
        harness.operatorTime(ASYNC_TIMEOUT.minusMillis(1));
        assertThat(harness.results()).isEmpty();
        harness.operatorTime(ASYNC_TIMEOUT);

        assertThat(ExpectedResults.describe(harness.results()))
                .containsExactlyInAnyOrderElementsOf(
                        EXPECTED.fallback(FeaturedReadings.ids(batch), FallbackReason.TIMEOUT));
    }

    /** One call per batch, no retry, and every reading scored by the rule for {@code reason}. */
    private void assertEveryReadingFellBackOnce(FakeClients clients, FallbackReason reason)
            throws Exception {
        open(clients, batchesOf(ROWS_PER_BATCH), RETRY, 1000);

        harness.score(READINGS);

        assertThat(ExpectedResults.describe(harness.results()))
                .containsExactlyInAnyOrderElementsOf(
                        EXPECTED.fallback(FeaturedReadings.ids(READINGS), reason));
        assertThat(clients.requestRows()).hasSize(READINGS.size() / ROWS_PER_BATCH);
    }

    private void open(
            FakeClients clients, BatchSettings batching, RetryPolicy retries, int breakerFailures)
            throws Exception {
        harness =
                ScoringHarness.open(
                        new ModelScoringFunction(
                                clients,
                                batching,
                                retries,
                                breakerFailures,
                                1000,
                                RULE,
                                time.factory(),
                                null),
                        ASYNC_TIMEOUT);
    }

    private static BatchSettings batchesOf(int rows) {
        return new BatchSettings(rows, 1 << 20, Duration.ofMinutes(1));
    }

    /** The fake model's answer: every row occupied with probability 0.75. */
    private static CompletableFuture<ModelAnswer> occupied(List<String> rows) {
        boolean[] occupied = new boolean[rows.size()];
        float[] probabilities = new float[rows.size()];
        Arrays.fill(occupied, true);
        Arrays.fill(probabilities, 0.75f);
        return CompletableFuture.completedFuture(new ModelAnswer(occupied, probabilities, "fake"));
    }

    /** Fails the first {@code failures} calls, then answers as {@link #occupied}. */
    private static Function<List<String>, CompletableFuture<ModelAnswer>> failingFirst(
            int failures, java.util.function.Supplier<Throwable> failure) {
        int[] calls = {0};
        return rows ->
                calls[0]++ < failures
                        ? CompletableFuture.failedFuture(failure.get())
                        : occupied(rows);
    }

    private static String modelLine(String id) {
        return id + " model null fake true 0.75";
    }

    private static List<String> modelLines(List<FeaturedReading> readings) {
        return FeaturedReadings.ids(readings).stream()
                .map(ModelScoringFunctionTest::modelLine)
                .collect(Collectors.toList());
    }

    /**
     * Opens clients that answer with a function of the rows, recording each request in this JVM.
     */
    private static final class FakeClients implements ModelClientFactory {
        private static final Map<String, Function<List<String>, CompletableFuture<ModelAnswer>>>
                ANSWERS = new ConcurrentHashMap<>();
        private static final Map<String, List<List<String>>> REQUESTS = new ConcurrentHashMap<>();

        private final String key = UUID.randomUUID().toString();

        static FakeClients answering(
                Function<List<String>, CompletableFuture<ModelAnswer>> answer) {
            FakeClients clients = new FakeClients();
            ANSWERS.put(clients.key, answer);
            REQUESTS.put(clients.key, Collections.synchronizedList(new ArrayList<>()));
            return clients;
        }

        /** The number of rows of each request so far. */
        List<Integer> requestRows() {
            return requests().stream().map(List::size).collect(Collectors.toList());
        }

        /** The CSV body size of each request so far. */
        List<Integer> requestBytes() {
            return requests().stream()
                    .map(rows -> String.join("\n", rows).getBytes(StandardCharsets.UTF_8).length)
                    .collect(Collectors.toList());
        }

        private List<List<String>> requests() {
            synchronized (REQUESTS.get(key)) {
                return new ArrayList<>(REQUESTS.get(key));
            }
        }

        @Override
        public ModelClient open() {
            String k = key;
            return new ModelClient() {
                @Override
                public CompletableFuture<ModelAnswer> score(List<String> csvRows) {
                    REQUESTS.get(k).add(List.copyOf(csvRows));
                    return ANSWERS.get(k).apply(csvRows);
                }

                @Override
                public CompletableFuture<Void> use(ModelRelease release) {
                    return CompletableFuture.failedFuture(
                            new UnsupportedOperationException("one fake model"));
                }

                @Override
                public void close() {}
            };
        }
    }
}
