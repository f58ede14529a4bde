package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.follow.ModelRelease;
import io.occupancystream.job.testing.FeaturedReadings;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Model releases in the model scoring function's input, in Flink's async operator, with a fake
 * client that answers P(occupied) = 0.5 for every row and labels it with the threshold of the card
 * it was last told to use (the start-up model: version {@code start}, threshold 0.9, so not
 * occupied). Time moves only by hand.
 */
class ModelSwitchTest {
    private static final List<FeaturedReading> READINGS = FeaturedReadings.madeUp(30);
    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(10);
    private static final ModelRelease V2 = release("v2", 0.1);

    private final ManualScheduler time = new ManualScheduler();
    private final CardClients clients = new CardClients();
    private final List<ScoringHarness> harnesses = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (ScoringHarness h : harnesses) {
            h.close();
        }
    }

    @Test
    void readingsAfterAReleaseAreScoredWithItAndTheOpenBatchBeforeItWithTheOldModel()
            throws Exception {
        ScoringHarness harness = open(null);

        harness.score(READINGS.subList(0, 3));
        harness.release(V2);
        harness.score(READINGS.subList(3, 13));

        assertThat(clients.requests()).containsExactly("start:3", "v2:10");
        assertThat(lines(harness.results()))
                .containsExactlyElementsOf(
                        expected(READINGS.subList(0, 3), "start", false, READINGS.subList(3, 13)));
    }

    /**
     * The rooms stage decides each result with the rules that came with the model that scored it:
     * the open batch before a release with the old card's, every reading after it with the new.
     */
    @Test
    void eachResultCarriesTheDecisionRulesOfTheCardItWasScoredUnder() throws Exception {
        ModelCard next = card("v2", 0.1);
        next.decision = new DecisionRule(0.7, 0.2, 30, 60);
        next.room = new RoomRule(FusionMethod.VOTE, DecisionRule.threshold(0.5), 90);
        ScoringHarness harness = open(null, release("start", 0.9));

        harness.score(READINGS.subList(0, 3));
        harness.release(release(next));
        harness.score(READINGS.subList(3, 13));

        String before =
                "start device: enter at 0.9 held 0 s, leave below 0.9 held 0 s; room: MEAN of"
                        + " devices fresh within 0 s, then enter at 0.9 held 0 s, leave below"
                        + " 0.9 held 0 s";
        String after =
                "v2 device: enter at 0.7 held 30 s, leave below 0.2 held 60 s; room: VOTE of"
                        + " devices fresh within 90 s, then enter at 0.5 held 0 s, leave below"
                        + " 0.5 held 0 s";
        List<String> expected = new ArrayList<>(Collections.nCopies(3, before));
        expected.addAll(Collections.nCopies(10, after));
        assertThat(harness.results())
                .extracting(r -> r.modelVersion + " " + r.rules)
                .containsExactlyElementsOf(expected);
    }

    /**
     * The poller's first card is usually the one the job started with: it neither reloads the model
     * nor cuts the open batch short.
     */
    @Test
    void releaseOfTheStartUpModelChangesNothing() throws Exception {
        ScoringHarness harness = open(null, release("start", 0.9));

        harness.score(READINGS.subList(0, 3));
        harness.release(release("start", 0.9));
        harness.score(READINGS.subList(3, 10));

        assertThat(clients.used()).isEmpty();
        assertThat(clients.requests()).containsExactly("start:10");
    }

    @Test
    void theSameReleaseAgainIsNotLoadedAgain() throws Exception {
        ScoringHarness harness = open(null);

        harness.release(V2);
        harness.release(release("v2", 0.1));
        harness.score(READINGS.subList(0, 10));

        assertThat(clients.used()).containsExactly("v2");
        assertThat(clients.requests()).containsExactly("v2:10");
    }

    /**
     * A release the client cannot load leaves the model in use scoring, and a checkpoint taken
     * after it holds the model in use, not the refused one.
     */
    @Test
    void releaseTheClientCannotUseLeavesTheModelInUseScoringAlsoAfterARestore() throws Exception {
        ScoringHarness harness = open(null);
        harness.release(V2);
        harness.release(release(CardClients.UNUSABLE, 0.5));
        harness.score(READINGS.subList(0, 10));
        List<Result> beforeRestore = harness.results();
        OperatorSubtaskState checkpoint = harness.checkpoint(1);

        ScoringHarness restored = open(checkpoint);
        restored.score(READINGS.subList(10, 20));

        assertThat(clients.used()).containsExactly("v2", CardClients.UNUSABLE, "v2");
        assertThat(clients.requests()).containsExactly("v2:10", "v2:10");
        assertThat(lines(beforeRestore))
                .containsExactlyElementsOf(expected(List.of(), "", false, READINGS.subList(0, 10)));
        assertThat(lines(restored.results()))
                .containsExactlyElementsOf(
                        expected(List.of(), "", false, READINGS.subList(10, 20)));
    }

    /**
     * After a restore the model is the checkpoint's, whatever the scoring tasks open with, also for
     * the readings in flight at the checkpoint, which the async operator replays.
     */
    @Test
    void restoreScoresWithTheReleaseOfTheCheckpointAlsoTheReadingsInFlight() throws Exception {
        ScoringHarness harness = open(null);
        harness.release(V2);
        clients.holdAnswers(true);
        harness.score(READINGS.subList(0, 10));
        assertThat(harness.results()).isEmpty();
        OperatorSubtaskState checkpoint = harness.checkpoint(1);

        clients.holdAnswers(false);
        ScoringHarness restored = open(checkpoint);
        restored.score(READINGS.subList(10, 20));

        assertThat(clients.used()).containsExactly("v2", "v2");
        assertThat(clients.requests()).containsExactly("v2:10", "v2:10", "v2:10");
        assertThat(lines(restored.results()))
                .containsExactlyInAnyOrderElementsOf(
                        expected(List.of(), "", false, READINGS.subList(0, 20)));
    }

    private ScoringHarness open(OperatorSubtaskState checkpoint) throws Exception {
        return open(checkpoint, null);
    }

    private ScoringHarness open(OperatorSubtaskState checkpoint, ModelRelease startup)
            throws Exception {
        ScoringHarness harness =
                ScoringHarness.open(
                        new ModelScoringFunction(
                                clients,
                                new BatchSettings(10, 1 << 20, Duration.ofMinutes(1)),
                                new RetryPolicy(
                                        1,
                                        Duration.ofMillis(100),
                                        Duration.ofMillis(100),
                                        Duration.ofSeconds(1)),
                                5,
                                1000,
                                new RuleScorer(10),
                                time.factory(),
                                startup),
                        ASYNC_TIMEOUT,
                        checkpoint);
        harnesses.add(harness);
        return harness;
    }

    /** {@code before} scored by the given model, then {@code after} by v2 (occupied). */
    private static List<String> expected(
            List<FeaturedReading> before,
            String version,
            boolean occupied,
            List<FeaturedReading> after) {
        List<String> lines = new ArrayList<>();
        for (FeaturedReading r : before) {
            lines.add(r.reading.id() + " " + version + " " + occupied + " 0.5");
        }
        for (FeaturedReading r : after) {
            lines.add(r.reading.id() + " v2 true 0.5");
        }
        return lines;
    }

    private static List<String> lines(List<Result> results) {
        return results.stream()
                .map(
                        r ->
                                r.id()
                                        + " "
                                        + r.modelVersion
                                        + " "
                                        + r.roomOccupancy
                                        + " "
                                        + r.probability)
                .collect(Collectors.toList());
    }

    private static ModelRelease release(String version, double threshold) {
        return release(card(version, threshold));
    }

    private static ModelCard card(String version, double threshold) {
        ModelCard card = new ModelCard();
        card.modelVersion = version;
        card.threshold = threshold;
        return card;
    }

    private static ModelRelease release(ModelCard card) {
        try {
            return ModelRelease.of(card.toJson(), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Clients that answer with the card they were last told to use, recording in this JVM each
     * request as {@code version:rows} and each card they were told to use; a card whose version is
     * {@link #UNUSABLE} fails to load. Answers can be held back (never completed).
     */
    private static final class CardClients implements ModelClientFactory {
        static final String UNUSABLE = "unusable";
        private static final Map<String, List<String>> REQUESTS = new ConcurrentHashMap<>();
        private static final Map<String, List<String>> USED = new ConcurrentHashMap<>();
        private static final Map<String, Boolean> HOLD = new ConcurrentHashMap<>();

        private final String key = UUID.randomUUID().toString();

        CardClients() {
            REQUESTS.put(key, Collections.synchronizedList(new ArrayList<>()));
            USED.put(key, Collections.synchronizedList(new ArrayList<>()));
            HOLD.put(key, false);
        }

        List<String> requests() {
            return List.copyOf(REQUESTS.get(key));
        }

        List<String> used() {
            return List.copyOf(USED.get(key));
        }

        void holdAnswers(boolean hold) {
            HOLD.put(key, hold);
        }

        @Override
        public ModelClient open() {
            String k = key;
            return new ModelClient() {
                private String version = "start";
                private double threshold = 0.9;

                @Override
                public CompletableFuture<ModelAnswer> score(List<String> csvRows) {
                    REQUESTS.get(k).add(version + ":" + csvRows.size());
                    if (HOLD.get(k)) {
                        return new CompletableFuture<>();
                    }
                    boolean[] occupied = new boolean[csvRows.size()];
                    float[] probabilities = new float[csvRows.size()];
                    Arrays.fill(occupied, 0.5 >= threshold);
                    Arrays.fill(probabilities, 0.5f);
                    return CompletableFuture.completedFuture(
                            new ModelAnswer(occupied, probabilities, version));
                }

                @Override
                public CompletableFuture<Void> use(ModelRelease release) {
                    try {
                        ModelCard card = release.parseCard();
                        USED.get(k).add(card.modelVersion);
                        if (card.modelVersion.equals(UNUSABLE)) {
                            return CompletableFuture.failedFuture(
                                    new IOException("cannot load the booster"));
                        }
                        version = card.modelVersion;
                        threshold = card.threshold;
                        return CompletableFuture.completedFuture(null);
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                }

                @Override
                public void close() {}
            };
        }
    }
}
