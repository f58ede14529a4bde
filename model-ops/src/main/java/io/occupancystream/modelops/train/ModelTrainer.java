package io.occupancystream.modelops.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.data.Sha256;
import io.occupancystream.modelops.data.TimeSplit;
import io.occupancystream.modelops.data.TrainingDataException;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.eval.CandidateResult;
import io.occupancystream.modelops.eval.ModelVsRule;
import io.occupancystream.modelops.report.ReportInput;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains an occupancy model from labelled rows: refuses too little or one-class data, splits in
 * time, runs the {@link CandidateSearch}, trains the best XGBoost candidate again with its best
 * round count, and describes the result in a {@link ModelCard}.
 */
public final class ModelTrainer {
    /** Autopilot's minimum for a tabular job. */
    public static final int MIN_ROWS = 500;

    static final double VALIDATION_FRACTION = 0.2;
    static final double MIN_VALIDATION_CLASS_SHARE = 0.1;

    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final int candidates;
    private final Duration budget;
    private final long seed;
    private final Objective objective;
    private final int threads;

    public ModelTrainer(
            int candidates, Duration budget, long seed, Objective objective, int threads) {
        this.candidates = candidates;
        this.budget = budget;
        this.seed = seed;
        this.objective = objective;
        this.threads = threads;
    }

    public TrainedModel train(TrainingSet all, String source, Progress progress)
            throws XGBoostError {
        check(all);
        TimeSplit split = TimeSplit.latest(all, VALIDATION_FRACTION, MIN_VALIDATION_CLASS_SHARE);
        double ruleThreshold =
                RuleBaseline.bestThreshold(split.train.sound(), split.train.labels());
        List<CandidateResult> leaderboard =
                new CandidateSearch(candidates, budget, seed, objective, threads)
                        .run(split, ruleThreshold, progress);
        CandidateResult best =
                leaderboard.stream()
                        .filter(c -> c.deployable)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no XGBoost candidate ran"));

        Booster booster =
                new XgboostTrainer(threads)
                        .train(split.train, best.hyperparameters, best.seed, best.rounds);
        try {
            double[] probabilities = XgboostTrainer.probabilities(booster, split.validation);
            double[] sound = split.validation.sound();
            ModelVsRule validation =
                    new ModelVsRule(
                            probabilities,
                            best.threshold,
                            sound,
                            ruleThreshold,
                            split.validation.labels());
            byte[] model = booster.toByteArray("json");
            ModelCard card = card(all, split, source, best, ruleThreshold, validation, model);
            Map<String, Double> importance =
                    booster.getScore(all.features().toArray(new String[0]), "total_gain");
            ReportInput report =
                    new ReportInput(
                            card,
                            leaderboard,
                            probabilities,
                            split.validation.labels(),
                            sound,
                            ruleThreshold,
                            importance);
            return new TrainedModel(card, model, leaderboard, validation, report);
        } finally {
            booster.dispose();
        }
    }

    private static void check(TrainingSet all) {
        if (all.rows() < MIN_ROWS) {
            throw new TrainingDataException(
                    "only "
                            + all.rows()
                            + " training rows; at least "
                            + MIN_ROWS
                            + " are needed (as for SageMaker Autopilot): replay more data");
        }
        long occupied = all.occupied();
        if (occupied == 0 || occupied == all.rows()) {
            throw new TrainingDataException(
                    "all "
                            + all.rows()
                            + " training rows are "
                            + (occupied == 0 ? "unoccupied" : "occupied")
                            + "; a classifier needs both classes");
        }
    }

    private ModelCard card(
            TrainingSet all,
            TimeSplit split,
            String source,
            CandidateResult best,
            double ruleThreshold,
            ModelVsRule validation,
            byte[] model) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ModelCard card = new ModelCard();
        card.modelVersion =
                "occupancy-xgb-"
                        + VERSION_TIME.format(now)
                        + "-"
                        + Sha256.of(model).substring(0, 8);
        card.createdAt = now.toString();
        card.algorithm = "xgboost binary:logistic";
        card.features = all.features();
        card.target = all.target();
        card.threshold = best.threshold;
        card.objective = objective.name().toLowerCase(java.util.Locale.ROOT);
        card.hyperparameters.putAll(best.hyperparameters);
        card.hyperparameters.put("rounds", best.rounds);
        card.hyperparameters.put("seed", best.seed);
        card.hyperparameters.put("candidate", best.id);
        card.validation = validation.modelJson();
        card.rows.put("total", (long) all.rows());
        card.rows.put("train", (long) split.train.rows());
        card.rows.put("validation", (long) split.validation.rows());
        card.classBalance.put("occupied", all.occupied());
        card.classBalance.put("unoccupied", all.rows() - all.occupied());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", source);
        data.put("hash", all.dataHash());
        data.put("files", all.files());
        data.put("firstWindow", window(all.windowStart(0)));
        data.put("lastWindow", window(all.windowStart(all.rows() - 1)));
        data.put("validationFromWindow", window(split.validation.windowStart(0)));
        card.trainingData = data;
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.put("column", TrainingSet.RULE_COLUMN);
        rule.put("threshold", ruleThreshold);
        rule.put("chosenOn", "training rows (best F1)");
        rule.set("validation", validation.ruleJson());
        card.ruleBaseline = rule;
        return card;
    }

    private static String window(long epochMillis) {
        return epochMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
