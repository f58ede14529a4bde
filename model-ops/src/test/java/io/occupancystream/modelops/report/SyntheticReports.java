package io.occupancystream.modelops.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import io.occupancystream.modelops.eval.CandidateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Report inputs that look like a training run's, from a fixed seed. */
final class SyntheticReports {
    static final List<String> FEATURES =
            List.of(
                    "temperature",
                    "sound",
                    "sound_mean_5m",
                    "sound_max_5m",
                    "sound_std_5m",
                    "sound_above_floor_15m",
                    "sound_cv_5m",
                    "temperature_change_15m",
                    "hour_of_day",
                    "day_of_week",
                    "hvac_heating",
                    "hvac_cooling",
                    "hvac_standby");

    private SyntheticReports() {}

    /** Validation rows about 40% occupied; the model separates them better than sound does. */
    static ReportInput input(String modelVersion, int rows, long seed) {
        Random random = new Random(seed);
        boolean[] actual = new boolean[rows];
        double[] probabilities = new double[rows];
        double[] sound = new double[rows];
        for (int i = 0; i < rows; i++) {
            actual[i] = random.nextDouble() < 0.4;
            double p = (actual[i] ? 0.72 : 0.25) + 0.2 * random.nextGaussian();
            probabilities[i] = Math.round(Math.min(1, Math.max(0, p)) * 1e4) / 1e4;
            double s = (actual[i] ? 0.2 : 0.1) + 0.07 * random.nextGaussian();
            sound[i] = Math.round(Math.max(0, s) * 1e3) / 1e3;
        }
        return input(modelVersion, actual, probabilities, sound);
    }

    static ReportInput input(
            String modelVersion, boolean[] actual, double[] probabilities, double[] sound) {
        Map<String, Double> importance = new LinkedHashMap<>();
        importance.put("sound_mean_5m", 812.5);
        importance.put("sound_above_floor_15m", 1490.25);
        importance.put("hour_of_day", 402.0);
        importance.put("sound", 402.0);
        importance.put("temperature", 77.7);
        importance.put("sound_cv_5m", 233.1);
        return new ReportInput(
                card(modelVersion), leaderboard(), probabilities, actual, sound, 0.15, importance);
    }

    static ModelCard card(String modelVersion) {
        ModelCard card = new ModelCard();
        card.modelVersion = modelVersion;
        card.createdAt = "2024-05-02T10:15:30Z";
        card.algorithm = "xgboost";
        card.features = FEATURES;
        card.target = "roomoccupancy";
        card.threshold = 0.4817;
        card.decision = new DecisionRule(0.6, 0.3, 30, 120);
        card.room = new RoomRule(FusionMethod.MEAN, new DecisionRule(0.65, 0.35, 0, 120), 130, 90);
        card.objective = "F1";
        card.hyperparameters.put("max_depth", 4);
        card.hyperparameters.put("eta", 0.0731);
        card.hyperparameters.put("subsample", 0.84);
        card.validation = JsonNodeFactory.instance.objectNode().put("f1", 0.81);
        card.rows.put("train", 25_870L);
        card.rows.put("validation", 6_466L);
        card.classBalance.put("occupied", 12_934L);
        card.classBalance.put("unoccupied", 19_402L);
        card.trainingData.put("path", "out/training");
        card.trainingData.put("files", 744);
        card.trainingData.put(
                "dataHash",
                "sha256:9f2c1e0b7a4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b");
        card.trainingData.put("from", "2017-12-01T00:00:00Z");
        card.trainingData.put("to", "2017-12-31T23:00:00Z");
        return card;
    }

    static List<CandidateResult> leaderboard() {
        List<CandidateResult> candidates = new ArrayList<>();
        candidates.add(candidate("baseline-logistic", "logistic", 0.8312, false));
        candidates.add(candidate("xgb-007", "xgboost", 0.8204, true));
        candidates.add(candidate("xgb-003", "xgboost", 0.8101, true));
        candidates.add(candidate("xgb-012", "xgboost", 0.7994, true));
        candidates.add(candidate("baseline-rule", "rule", 0.6120, false));
        return candidates;
    }

    private static CandidateResult candidate(
            String id, String algorithm, double f1, boolean deployable) {
        CandidateResult c = new CandidateResult();
        c.id = id;
        c.algorithm = algorithm;
        c.f1 = f1;
        c.objectiveValue = f1;
        c.precision = f1 - 0.03;
        c.recall = f1 + 0.02;
        c.accuracy = f1 + 0.05;
        c.auc = Math.min(0.99, f1 + 0.1);
        c.logLoss = 1.2 - f1;
        c.threshold = 0.4817;
        c.deployable = deployable;
        if (algorithm.equals("xgboost")) {
            c.rounds = 180;
            c.hyperparameters.put("max_depth", 4);
            c.hyperparameters.put("eta", 0.0731);
            c.hyperparameters.put("min_child_weight", 3);
            c.hyperparameters.put("subsample", 0.84);
            c.hyperparameters.put("colsample_bytree", 0.7123);
            c.hyperparameters.put("lambda", 2.318);
            c.hyperparameters.put("scale_pos_weight", 1.5);
            c.trainSeconds = 3.47;
        } else {
            c.trainSeconds = 0.21;
        }
        return c;
    }
}
