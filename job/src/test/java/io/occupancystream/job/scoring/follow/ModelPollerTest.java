package io.occupancystream.job.scoring.follow;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.testing.TrainedModels;
import io.occupancystream.model.ModelArtifact;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.OccupancyPredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model poller on a model folder holding the test model trained by model-ops, whose card the
 * tests rewrite (a new version, or other features) and whose archive they break. Ticks and the
 * poller's clock are driven by hand; the poll interval is 1 s.
 */
class ModelPollerTest {
    private static final long INTERVAL = 1000;

    @TempDir Path dir;
    private ModelCard original;
    private OneInputStreamOperatorTestHarness<Long, ModelRelease> harness;

    @BeforeEach
    void copyTheModel() throws Exception {
        for (String file : List.of(ModelCard.FILE, ModelArtifact.FILE)) {
            Files.copy(TrainedModels.model().resolve(file), dir.resolve(file));
        }
        original = ModelCard.read(dir);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void firstPollEmitsTheModelThenOnlyAChangedCardOnceTheIntervalHasPassed() throws Exception {
        harness = open(true, null);

        tick(0);
        writeCard("v2", 0.25);
        tick(INTERVAL - 1);
        tick(INTERVAL);
        tick(2 * INTERVAL);

        List<ModelRelease> releases = harness.extractOutputValues();
        assertThat(versions(releases)).containsExactly(original.modelVersion, "v2");
        assertThat(releases.get(1).parseCard().threshold).isEqualTo(0.25);
        assertThat(releases.get(1).artifact)
                .isEqualTo(Files.readAllBytes(dir.resolve(ModelArtifact.FILE)));
        try (OccupancyPredictor predictor = releases.get(1).load()) {
            assertThat(predictor.version()).isEqualTo("v2");
        }
    }

    @Test
    void cardListingOtherFeaturesIsRefusedUntilItChanges() throws Exception {
        harness = open(true, null);

        tick(0);
        Files.copy(
                TrainedModels.withOtherFeatures().resolve(ModelCard.FILE),
                dir.resolve(ModelCard.FILE),
                StandardCopyOption.REPLACE_EXISTING);
        tick(INTERVAL);
        tick(2 * INTERVAL);
        writeCard("v2", 0.5);
        tick(3 * INTERVAL);

        assertThat(versions(harness.extractOutputValues()))
                .containsExactly(original.modelVersion, "v2");
    }

    @Test
    void cardWhoseArtifactDoesNotLoadIsRefused() throws Exception {
        harness = open(true, null);

        tick(0);
        Files.write(
                dir.resolve(ModelArtifact.FILE), "not a tar.gz".getBytes(StandardCharsets.UTF_8));
        writeCard("v2", 0.5);
        tick(INTERVAL);

        assertThat(versions(harness.extractOutputValues())).containsExactly(original.modelVersion);
    }

    /** Endpoint scoring: the archive is neither read nor carried. */
    @Test
    void endpointScoringFollowsTheCardAlone() throws Exception {
        Files.delete(dir.resolve(ModelArtifact.FILE));
        harness = open(false, null);

        tick(0);
        writeCard("v2", 0.5);
        tick(INTERVAL);

        List<ModelRelease> releases = harness.extractOutputValues();
        assertThat(versions(releases)).containsExactly(original.modelVersion, "v2");
        assertThat(releases.get(1).artifact).isEmpty();
    }

    /** Unlike a refused card, a card that cannot be read is read again at the next poll. */
    @Test
    void cardThatCannotBeReadIsReadAgainAtTheNextPoll() throws Exception {
        harness = open(true, null);

        tick(0);
        Path card = dir.resolve(ModelCard.FILE);
        byte[] v1 = Files.readAllBytes(card);
        Files.delete(card);
        tick(INTERVAL);
        Files.write(card, v1);
        writeCard("v2", 0.5);
        tick(2 * INTERVAL);

        assertThat(versions(harness.extractOutputValues()))
                .containsExactly(original.modelVersion, "v2");
    }

    @Test
    void restoredPollerEmitsOnlyACardChangedSinceItsCheckpoint() throws Exception {
        harness = open(true, null);
        tick(0);
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
        harness.close();

        harness = open(true, checkpoint);
        tick(0);
        writeCard("v2", 0.5);
        tick(INTERVAL);

        assertThat(versions(harness.extractOutputValues())).containsExactly("v2");
    }

    private OneInputStreamOperatorTestHarness<Long, ModelRelease> open(
            boolean withArtifact, OperatorSubtaskState checkpoint) throws Exception {
        OneInputStreamOperatorTestHarness<Long, ModelRelease> h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(
                                new ModelPoller(dir.toString(), withArtifact, INTERVAL)));
        if (checkpoint != null) {
            h.initializeState(checkpoint);
        }
        h.open();
        return h;
    }

    private void tick(long millis) throws Exception {
        harness.setProcessingTime(millis);
        harness.processElement(millis, millis);
    }

    /** The test model's card with another version and threshold. */
    private void writeCard(String version, double threshold) throws Exception {
        ModelCard card = ModelCard.read(TrainedModels.model());
        card.modelVersion = version;
        card.threshold = threshold;
        card.write(dir);
    }

    private static List<String> versions(List<ModelRelease> releases) throws Exception {
        return releases.stream()
                .map(
                        r -> {
                            try {
                                return r.parseCard().modelVersion;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                .collect(Collectors.toList());
    }
}
