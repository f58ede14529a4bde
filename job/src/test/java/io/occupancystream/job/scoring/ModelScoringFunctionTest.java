package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.testing.ExpectedResults;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.ScoringJobs;
import io.occupancystream.job.testing.ScoringJobs.Run;
import io.occupancystream.job.testing.VariedReadings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scoring function with fake clients: answers that do not match the request, failures in
 * process, and a client that throws instead of returning a future each leave every reading scored
 * once, by the rule, without a retry; and a request never exceeds the batch byte limit.
 */
class ModelScoringFunctionTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final List<String> RECORDING = VariedReadings.recording(2, 50, 41);
    private static final int ROWS_PER_BATCH = 10;
    private static final int BATCHES = RECORDING.size() / ROWS_PER_BATCH;
    private static final RuleScorer RULE = new RuleScorer(10);

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
        List<Integer> requestBytes = Collections.synchronizedList(new ArrayList<>());
        FakeClients clients =
                FakeClients.answering(
                        rows -> {
                            requestBytes.add(
                                    String.join("\n", rows)
                                            .getBytes(StandardCharsets.UTF_8)
                                            .length);
                            return CompletableFuture.completedFuture(
                                    new ModelAnswer(
                                            new boolean[rows.size()],
                                            new float[rows.size()],
                                            "fake"));
                        });

        Run run = run(clients, new BatchSettings(1000, maxBytes, Duration.ofMillis(20)));

        assertThat(run.results).extracting(r -> r.source).containsOnly(ScoreSource.MODEL);
        assertThat(run.results).hasSameSizeAs(RECORDING);
        assertThat(Collections.max(requestBytes)).isLessThanOrEqualTo(maxBytes);
    }

    /** One call per batch, no retry, and every reading scored by the rule for {@code reason}. */
    private static void assertEveryReadingFellBackOnce(FakeClients clients, FallbackReason reason)
            throws Exception {
        Run run = run(clients);

        assertThat(ExpectedResults.describe(run.results))
                .containsExactlyInAnyOrderElementsOf(
                        ExpectedResults.ruleOnly(RULE, RECORDING)
                                .fallback(ScoringJobs.ids(RECORDING), reason));
        assertThat(clients.calls()).isEqualTo(BATCHES);
    }

    private static Run run(FakeClients clients) throws Exception {
        return run(clients, new BatchSettings(ROWS_PER_BATCH, 1 << 20, Duration.ofMinutes(1)));
    }

    private static Run run(FakeClients clients, BatchSettings batching) throws Exception {
        ModelScoringFunction function =
                new ModelScoringFunction(
                        clients,
                        batching,
                        new RetryPolicy(
                                3,
                                Duration.ofMillis(1),
                                Duration.ofMillis(4),
                                Duration.ofSeconds(5)),
                        1000,
                        100,
                        RULE);
        return ScoringJobs.run(
                ScoringJobs.config(List.of()),
                env -> env.fromData(RECORDING),
                new ModelScoringStage(function, false, Duration.ofSeconds(10), 1000));
    }

    /** Opens clients that answer with a function of the rows, counting calls in this JVM. */
    private static final class FakeClients implements ModelClientFactory {
        private static final Map<String, Function<List<String>, CompletableFuture<ModelAnswer>>>
                ANSWERS = new ConcurrentHashMap<>();
        private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        private final String key = UUID.randomUUID().toString();

        static FakeClients answering(
                Function<List<String>, CompletableFuture<ModelAnswer>> answer) {
            FakeClients clients = new FakeClients();
            ANSWERS.put(clients.key, answer);
            CALLS.put(clients.key, new AtomicInteger());
            return clients;
        }

        int calls() {
            return CALLS.get(key).get();
        }

        @Override
        public ModelClient open() {
            String k = key;
            return new ModelClient() {
                @Override
                public CompletableFuture<ModelAnswer> score(List<String> csvRows) {
                    CALLS.get(k).incrementAndGet();
                    return ANSWERS.get(k).apply(csvRows);
                }

                @Override
                public void close() {}
            };
        }
    }
}
