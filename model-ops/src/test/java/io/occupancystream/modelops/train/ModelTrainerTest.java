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
    void modelLearnsFromEveryRowAndIsMeasuredOnAllOfThemOutOfSample() {
        assertThat(model.card.rows.get("train")).isEqualTo(data.rows());
        assertThat(model.card.rows.get("validation")).isEqualTo(data.rows());
        assertThat(model.card.rows.get(ModelTrainer.HELD_OUT)).isZero();
        assertThat(model.card.trainingData.get("validatedOn"))
                .isEqualTo("every row, each scored by a model trained without its stretch of time");
    }

    @Test
    void heldOutRowsShapeNeitherTheModelNorItsRules(@TempDir Path runs) throws Exception {
        ModelTrainer holdingOut = trainer().holdingOutLatest();
        TrainingSet original =
                reader().read(TrainingSetFixture.write(runs.resolve("a"), START, 72, 12, 7));
        TrainedModel a = holdingOut.train(original, "a", Progress.NONE);
        Instant heldFrom = Instant.parse((String) a.card.trainingData.get("validationFromWindow"));
        // The same rows, but 10 degrees warmer in every window held out.
        Path warmer = TrainingSetFixture.write(runs.resolve("b"), START, 72, 12, 7);
        int changed = 0;
        for (int h = 0; h < 72; h++) {
            Instant window = START.plusSeconds(3600L * h);
            if (window.isBefore(heldFrom)) {
                continue;
            }
            Path file = TrainingSetFixture.file(warmer, window, h);
            List<String> lines = Files.readAllLines(file);
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", 2);
                lines.set(i, (Double.parseDouble(cells[0]) + 10) + "," + cells[1]);
                changed++;
            }
            Files.write(file, lines);
        }
        TrainedModel b = holdingOut.train(reader().read(warmer), "b", Progress.NONE);

        assertThat(a.card.rows.get(ModelTrainer.HELD_OUT)).isEqualTo((long) changed).isPositive();
        assertThat(a.card.rows.get("train")).isEqualTo((long) (original.rows() - changed));
        assertThat(b.xgboostModel).isEqualTo(a.xgboostModel);
        assertThat(b.card.decision).isEqualTo(a.card.decision);
        assertThat(b.card.threshold).isEqualTo(a.card.threshold);
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
        assertThat(read.decision).isEqualTo(model.card.decision).isNotNull();
        assertThat(read.room.method).isEqualTo(model.card.room.method);
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
    void twoTrainingsOnTheSameRowsGiveTheSameModelCardAndLeaderboard() throws Exception {
        TrainedModel again =
                new ModelTrainer(8, 42, Objective.F1, 1).train(data, "fixture", Progress.NONE);

        assertThat(again.xgboostModel).isEqualTo(model.xgboostModel);
        assertThat(again.leaderboardCsv())
                .usingElementComparator(ModelTrainerTest::compareWithoutSeconds)
                .isEqualTo(model.leaderboardCsv());
        assertThat(again.card.modelVersion.substring(again.card.modelVersion.length() - 8))
                .isEqualTo(model.card.modelVersion.substring(model.card.modelVersion.length() - 8));
        again.card.modelVersion = model.card.modelVersion;
        again.card.createdAt = model.card.createdAt;
        assertThat(new String(again.card.toJson())).isEqualTo(new String(model.card.toJson()));
    }

    /** Leaderboard lines compared without their train_seconds column, the one clock reading. */
    private static int compareWithoutSeconds(String a, String b) {
        return a.replaceAll(",[0-9.]+,\"", ",\"").compareTo(b.replaceAll(",[0-9.]+,\"", ",\""));
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
