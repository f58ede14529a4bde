package io.occupancystream.modelops.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.modelops.data.Sha256;
import io.occupancystream.modelops.data.TimeSplit;
import io.occupancystream.modelops.data.TrainingDataException;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.eval.CandidateResult;
import io.occupancystream.modelops.eval.DeviceAndRoomMetrics;
import io.occupancystream.modelops.eval.ModelVsRule;
import io.occupancystream.modelops.report.ReportInput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains an occupancy model from labelled rows: refuses too little or one-class data, runs the
 * {@link CandidateSearch} (each candidate scored out of device and out of time, {@link
 * LeaveOneDeviceOut}), chooses the device and room decision rules on the winner's out-of-sample
 * probabilities ({@link DecisionChoice}), trains the winner on the rows with its round count, and
 * describes the result in a {@link ModelCard} with those out-of-sample figures per device and per
 * room. {@link #holdingOutLatest()} keeps the latest rows of the time split out of all of it and
 * measures the model on them instead.
 */
public final class ModelTrainer {
    /** Autopilot's minimum for a tabular job. */
    public static final int MIN_ROWS = 500;

    static final double VALIDATION_FRACTION = 0.2;
    static final double MIN_VALIDATION_CLASS_SHARE = 0.1;

    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The card's count of latest rows the deployed model did not train on ({@code rows}). */
    public static final String HELD_OUT = "heldOut";

    /** Where the card keeps the training rows' out-of-sample figures per device and room. */
    public static final String OUT_OF_SAMPLE_KEY = "outOfSampleTrainingRows";

    private final int candidates;
    private final long seed;
    private final Objective objective;
    private final int threads;
    private final boolean holdOutLatest;
    private final Set<FusionMethod> fusion;

    /**
     * @param candidates how many XGBoost candidates the search tries: a count, not a time, so two
     *     trainings on the same rows give the same model
     */
    public ModelTrainer(int candidates, long seed, Objective objective, int threads) {
        this(candidates, seed, objective, threads, false, DecisionChoice.DEFAULT_FUSION);
    }

    private ModelTrainer(
            int candidates,
            long seed,
            Objective objective,
            int threads,
            boolean holdOutLatest,
            Set<FusionMethod> fusion) {
        this.candidates = candidates;
        this.seed = seed;
        this.objective = objective;
        this.threads = threads;
        this.holdOutLatest = holdOutLatest;
        this.fusion = EnumSet.copyOf(fusion);
    }

    /**
     * This trainer, but the deployed model does not train on the latest rows of the time split (the
     * validation rows): they stay unseen for a champion/challenger comparison, at the price of a
     * model that has not learnt from them.
     */
    public ModelTrainer holdingOutLatest() {
        return new ModelTrainer(candidates, seed, objective, threads, true, fusion);
    }

    /** This trainer, but the room rule may fuse its devices by any of {@code methods}. */
    public ModelTrainer fusingBy(Set<FusionMethod> methods) {
        return new ModelTrainer(candidates, seed, objective, threads, holdOutLatest, methods);
    }

    public TrainedModel train(TrainingSet all, String source, Progress progress)
            throws XGBoostError {
        check(all);
        TimeSplit split = TimeSplit.latest(all, VALIDATION_FRACTION, MIN_VALIDATION_CLASS_SHARE);
        TrainingSet learn = holdOutLatest ? split.train : all;
        double ruleThreshold = RuleBaseline.bestThreshold(learn.sound(), learn.labels());
        List<CandidateResult> leaderboard =
                new CandidateSearch(candidates, seed, objective, threads)
                        .run(learn, split, ruleThreshold, progress);
        CandidateResult best =
                leaderboard.stream()
                        .filter(c -> c.deployable)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no XGBoost candidate ran"));
        // Each row's probability comes from a model that saw neither its device nor its stretch
        // of time, so the rules and figures from them are those of a microphone never learned.
        double[] outOfSample = best.validationProbabilities;
        DecisionChoice decisions = DecisionChoice.on(learn, outOfSample, fusion);
        DeviceAndRoomMetrics crossValidated =
                DeviceAndRoomMetrics.of(
                        learn, outOfSample, decisions.device, decisions.room, ruleThreshold);
        Booster booster =
                new XgboostTrainer(threads)
                        .train(learn, best.hyperparameters, best.seed, best.rounds);
        try {
            TrainingSet measured = holdOutLatest ? split.validation : learn;
            double[] probabilities =
                    holdOutLatest
                            ? XgboostTrainer.probabilities(booster, split.validation)
                            : outOfSample;
            double[] sound = measured.sound();
            ModelVsRule validation =
                    new ModelVsRule(
                            probabilities, best.threshold, sound, ruleThreshold, measured.labels());
            DeviceAndRoomMetrics byDevice =
                    holdOutLatest
                            ? DeviceAndRoomMetrics.of(
                                    measured,
                                    probabilities,
                                    decisions.device,
                                    decisions.room,
                                    ruleThreshold)
                            : crossValidated;
            byte[] model = booster.toByteArray("json");
            ModelCard card =
                    card(all, learn, measured, source, best, ruleThreshold, validation, model);
            card.decision = decisions.device;
            card.room = decisions.room;
            card.validation.set("byDevice", byDevice.toJson());
            card.validation.set(OUT_OF_SAMPLE_KEY, crossValidated.toJson());
            Map<String, Double> importance =
                    booster.getScore(all.features().toArray(new String[0]), "total_gain");
            ReportInput report =
                    new ReportInput(
                            card,
                            leaderboard,
                            probabilities,
                            measured.labels(),
                            sound,
                            ruleThreshold,
                            importance);
            return new TrainedModel(
                    card, model, leaderboard, validation, byDevice, crossValidated, report);
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
            TrainingSet learn,
            TrainingSet measured,
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
        card.rows.put("train", (long) learn.rows());
        card.rows.put("validation", (long) measured.rows());
        card.rows.put(HELD_OUT, (long) (all.rows() - learn.rows()));
        card.classBalance.put("occupied", all.occupied());
        card.classBalance.put("unoccupied", all.rows() - all.occupied());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", source);
        data.put("hash", all.dataHash());
        data.put("files", all.files());
        data.put("firstWindow", window(all.windowStart(0)));
        data.put("lastWindow", window(all.windowStart(all.rows() - 1)));
        data.put("validationFromWindow", window(measured.windowStart(0)));
        String outOfSample =
                "each scored by a model trained without its stretch of time"
                        + (LeaveOneDeviceOut.applies(learn) ? " and its device" : "");
        data.put(
                "validatedOn",
                measured == learn
                        ? "every row, " + outOfSample
                        : "the latest rows, which the model did not train on; the candidate and"
                                + " rules were chosen on the earlier rows, "
                                + outOfSample);
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
