package io.occupancystream.modelops.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.occupancystream.model.FeatureMismatchException;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.data.TrainingDataException;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.data.TrainingSetReader;
import io.occupancystream.modelops.eval.CandidateResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {
    private static final Instant START = Instant.parse("2017-12-18T00:00:00Z");

    @TempDir static Path dir;
    static TrainingSet data;
    static TrainedModel model;
    static Path modelDir;

    @BeforeAll
    static void trainOnce() throws Exception {
        TrainingSetFixture.write(dir.resolve("training"), START, 72, 12, 7);
        data = reader().read(dir.resolve("training"));
        model = new ModelTrainer(8, 42, Objective.F1, 2).train(data, "fixture", Progress.NONE);
        modelDir = dir.resolve("model");
        model.writeTo(modelDir);
    }

    @Test
    void modelBeatsTheRuleOnTheValidationRows() {
        assertThat(model.validation.model.f1()).isGreaterThan(model.validation.rule.f1() + 0.05);
        assertThat(model.validation.modelAuc).isGreaterThan(model.validation.ruleAuc);
    }

    @Test
    void validationRowsAreAllLaterThanTrainingRows() {
        long validationFrom =
                Instant.parse((String) model.card.trainingData.get("validationFromWindow"))
                        .toEpochMilli();
        long rows = model.card.rows.get("train");
        assertThat(data.windowStart((int) rows - 1)).isLessThan(validationFrom);
        assertThat(data.windowStart((int) rows)).isEqualTo(validationFrom);
        assertThat(model.card.rows.get("validation")).isEqualTo(data.rows() - rows);
    }

    @Test
    void leaderboardHoldsBaselinesAndCandidatesBestFirst() {
        assertThat(model.leaderboard).hasSize(10);
        assertThat(model.leaderboard)
                .extracting(c -> c.id)
                .contains("baseline-rule", "baseline-logistic", "xgb-000", "xgb-007");
        for (int i = 1; i < model.leaderboard.size(); i++) {
            assertThat(model.leaderboard.get(i).objectiveValue)
                    .isLessThanOrEqualTo(model.leaderboard.get(i - 1).objectiveValue);
        }
        assertThat(model.card.hyperparameters.get("candidate"))
                .isEqualTo(
                        model.leaderboard.stream().filter(c -> c.deployable).findFirst().get().id);
    }

    @Test
    void modelCardRoundTripsAndDescribesTheModel() throws Exception {
        ModelCard read = ModelCard.read(modelDir);

        assertThat(read.modelVersion)
                .isEqualTo(model.card.modelVersion)
                .startsWith("occupancy-xgb-");
        assertThat(read.features)
                .containsExactly("temperature", "sound", "sound_mean_5m", "hour_of_day");
        assertThat(read.target).isEqualTo("roomoccupancy");
        assertThat(read.threshold).isEqualTo(model.card.threshold);
        assertThat(read.rows).isEqualTo(model.card.rows);
        assertThat(read.classBalance.get("occupied") + read.classBalance.get("unoccupied"))
                .isEqualTo(data.rows());
        assertThat(read.trainingData.get("hash")).isEqualTo(data.dataHash());
        assertThat(read.validation.get("f1").asDouble()).isGreaterThan(0.8);
        assertThat(read.ruleBaseline.get("column").asText()).isEqualTo("sound");
        assertThat(read.hyperparameters).containsKeys("max_depth", "eta", "rounds", "seed");
    }

    @Test
    void modelDirectoryHoldsTheArtifactLeaderboardAndReport() throws Exception {
        assertThat(modelDir.resolve("model.tar.gz")).isRegularFile();
        assertThat(Files.readAllLines(modelDir.resolve("leaderboard.csv")))
                .hasSize(11)
                .first()
                .asString()
                .startsWith("rank,id,algorithm,deployable,objective,f1");
        assertThat(Files.readString(modelDir.resolve("report.html")))
                .contains(model.card.modelVersion);
    }

    @Test
    void loadedPredictorScoresAsTheTrainedModelDid() throws Exception {
        try (OccupancyPredictor predictor = OccupancyPredictor.load(modelDir)) {
            int validationFrom = (int) (long) model.card.rows.get("train");
            TrainingSet validation = data.slice(validationFrom, data.rows());
            float[] p = predictor.probabilities(validation.values(), validation.rows());

            for (int i = 0; i < p.length; i++) {
                assertThat((double) p[i])
                        .isCloseTo(model.report.validationProbabilities[i], within(1e-6));
            }
        }
    }

    @Test
    void finalModelReproducesTheWinningCandidatesValidationScore() {
        CandidateResult winner =
                model.leaderboard.stream().filter(c -> c.deployable).findFirst().get();

        assertThat(model.validation.model.f1()).isCloseTo(winner.f1, within(1e-9));
    }

    @Test
    void predictorRefusesOtherFeatures() throws Exception {
        try (OccupancyPredictor predictor = OccupancyPredictor.load(modelDir)) {
            assertThatThrownBy(
                            () ->
                                    predictor.requireFeatures(
                                            List.of(
                                                    "sound",
                                                    "temperature",
                                                    "sound_mean_5m",
                                                    "hour_of_day")))
                    .isInstanceOf(FeatureMismatchException.class)
                    .hasMessageEndingWith(": same columns in another order");
            assertThatThrownBy(
                            () -> predictor.requireFeatures(List.of("temperature", "sound", "co2")))
                    .isInstanceOf(FeatureMismatchException.class)
                    .hasMessageEndingWith(
                            ": missing [sound_mean_5m, hour_of_day], not in the model [co2]");
        }
    }

    @Test
    void refusesFewerThan500Rows(@TempDir Path small) throws Exception {
        TrainingSetFixture.write(small, START, 20, 20, 1);
        TrainingSet few = reader().read(small);

        assertThatThrownBy(() -> trainer().train(few, "few", Progress.NONE))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage(
                        "only 400 training rows; at least 500 are needed (as for SageMaker"
                                + " Autopilot): replay more data");
    }

    @Test
    void refusesASingleClass(@TempDir Path nights) throws Exception {
        // Windows 18:00-06:00 only: nobody is ever in.
        TrainingSetFixture.write(nights, Instant.parse("2017-12-18T18:00:00Z"), 12, 50, 1);
        TrainingSet empty = reader().read(nights);

        assertThatThrownBy(() -> trainer().train(empty, "nights", Progress.NONE))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage(
                        "all 600 training rows are unoccupied; a classifier needs both classes");
    }

    private static ModelTrainer trainer() {
        return new ModelTrainer(2, 1, Objective.F1, 1);
    }

    private static TrainingSetReader reader() {
        return new TrainingSetReader(ModelCard.DEFAULT_TARGET, null, null);
    }
}
