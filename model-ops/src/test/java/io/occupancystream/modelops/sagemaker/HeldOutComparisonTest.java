package io.occupancystream.modelops.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.data.TrainingSetReader;
import io.occupancystream.modelops.train.ModelTrainer;
import io.occupancystream.modelops.train.Objective;
import io.occupancystream.modelops.train.Progress;
import io.occupancystream.modelops.train.TrainedModel;
import io.occupancystream.modelops.train.TrainingSetFixture;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The champion/challenger comparison scores only rows the challenger never trained on. */
class HeldOutComparisonTest {
    @TempDir Path dir;

    @Test
    void aChallengerThatTrainedOnEveryRowIsComparedOnRecordedMetrics() throws Exception {
        TrainingSet rows =
                new TrainingSetReader(ModelCard.DEFAULT_TARGET, null, null)
                        .read(
                                TrainingSetFixture.write(
                                        dir.resolve("data"),
                                        Instant.parse("2024-01-08T06:00:00Z"),
                                        12,
                                        100,
                                        7));
        TrainedModel everyRow =
                new ModelTrainer(2, 1, Objective.F1, 1).train(rows, "test", Progress.NONE);
        Path challenger = dir.resolve("challenger");
        everyRow.writeTo(challenger);
        Champion champion =
                new Champion(
                        "old-model",
                        "F1",
                        0.9,
                        100,
                        HeldOutComparison.SOURCE_PREFIX + everyRow.card.modelVersion);

        Comparison comparison =
                new HeldOutComparison(challenger, rows, challenger.toString(), null)
                        .compare(champion);

        assertThat(everyRow.card.rows.get(ModelTrainer.HELD_OUT)).isZero();
        assertThat(comparison.sameRows).isFalse();
        assertThat(comparison.why)
                .isEqualTo(
                        "the challenger trained on every row it was given; none is left to"
                                + " compare on");
    }
}
