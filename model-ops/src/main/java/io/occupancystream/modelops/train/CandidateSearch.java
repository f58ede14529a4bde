package io.occupancystream.modelops.train;

import io.occupancystream.model.ConfusionMatrix;
import io.occupancystream.modelops.data.TimeSplit;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.eval.BinaryMetrics;
import io.occupancystream.modelops.eval.CandidateResult;
import io.occupancystream.modelops.eval.GroupMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A laptop-scale Autopilot: XGBoost candidates from {@link Hyperparameters} (random search,
 * seeded), each scored out of sample on the rows it may learn from ({@link LeaveOneDeviceOut}: out
 * of device and out of time where there are several devices, out of time alone with one) with its
 * own best-F1 threshold; its round count is the median of those fits', and the F1 objective is its
 * worst device's. Two baselines (logistic regression and the sound rule) are trained on the earlier
 * rows of the time split and scored on its later rows, as before; they are for comparison and never
 * deployed. The budget is a number of candidates, never a time: the same rows and seed give the
 * same leaderboard on any machine.
 */
public final class CandidateSearch {
    static final double TIE_TOLERANCE = 0.005;

    private final int candidates;
    private final long seed;
    private final Objective objective;
    private final XgboostTrainer trainer;

    public CandidateSearch(int candidates, long seed, Objective objective, int threads) {
        this.candidates = candidates;
        this.seed = seed;
        this.objective = objective;
        this.trainer = new XgboostTrainer(threads);
    }

    /**
     * The leaderboard, best first.
     *
     * @param learn the rows the XGBoost candidates learn from and are scored on out of sample
     * @param split the time split the baselines are trained and scored on
     */
    public List<CandidateResult> run(
            TrainingSet learn, TimeSplit split, double ruleThreshold, Progress progress)
            throws XGBoostError {
        List<CandidateResult> results = new ArrayList<>();
        results.add(rule(split, ruleThreshold));
        results.add(logistic(split));
        long positives = learn.occupied();
        double negativesPerPositive = (learn.rows() - positives) / (double) positives;
        Random random = new Random(seed);
        progress.start(candidates);
        CandidateResult best = null;
        for (int i = 0; i < candidates; i++) {
            CandidateResult c =
                    xgboost(i, learn, Hyperparameters.sample(i, random, negativesPerPositive));
            results.add(c);
            if (best == null || c.objectiveValue > best.objectiveValue) {
                best = c;
            }
            progress.step(
                    String.format(
                            Locale.ROOT,
                            "best %s %.4f (%s)",
                            objective.name(),
                            best.objectiveValue,
                            best.id));
        }
        rank(results);
        return results;
    }

    private CandidateResult xgboost(int index, TrainingSet train, Map<String, Object> hp)
            throws XGBoostError {
        long start = System.nanoTime();
        XgboostTrainer.Fit fit = new LeaveOneDeviceOut(trainer).fit(train, hp, seedOf(index));
        CandidateResult c =
                scored(
                        String.format(Locale.ROOT, "xgb-%03d", index),
                        LeaveOneDeviceOut.applies(train)
                                ? "xgboost (scored leave-one-device-out)"
                                : "xgboost (scored out of time)",
                        fit.validationProbabilities,
                        train);
        c.hyperparameters.putAll(hp);
        c.rounds = fit.rounds;
        c.seed = seedOf(index);
        c.deployable = true;
        c.trainSeconds = (System.nanoTime() - start) / 1e9;
        return c;
    }

    private CandidateResult logistic(TimeSplit split) {
        long start = System.nanoTime();
        double[] p = LogisticBaseline.fit(split.train).probabilities(split.validation);
        CandidateResult c = scored("baseline-logistic", "logistic-regression", p, split.validation);
        c.trainSeconds = (System.nanoTime() - start) / 1e9;
        return c;
    }

    private CandidateResult rule(TimeSplit split, double threshold) {
        double[] sound = split.validation.sound();
        boolean[] actual = split.validation.labels();
        CandidateResult c = new CandidateResult();
        c.id = "baseline-rule";
        c.algorithm = "rule: sound > threshold (chosen on the training rows)";
        c.threshold = threshold;
        c.hyperparameters.put("sound_threshold", threshold);
        fill(c, ConfusionMatrix.at(sound, actual, Math.nextUp(threshold)));
        c.auc = BinaryMetrics.auc(sound, actual);
        c.logLoss = Double.NaN;
        byDevice(c, split.validation, sound, Math.nextUp(threshold));
        c.objectiveValue = objective.of(c);
        return c;
    }

    private CandidateResult scored(
            String id, String algorithm, double[] probabilities, TrainingSet validation) {
        boolean[] actual = validation.labels();
        CandidateResult c = new CandidateResult();
        c.id = id;
        c.algorithm = algorithm;
        c.threshold = BinaryMetrics.bestF1Threshold(probabilities, actual);
        fill(c, ConfusionMatrix.at(probabilities, actual, c.threshold));
        c.auc = BinaryMetrics.auc(probabilities, actual);
        c.logLoss = BinaryMetrics.logLoss(probabilities, actual);
        c.validationProbabilities = probabilities;
        byDevice(c, validation, probabilities, c.threshold);
        c.objectiveValue = objective.of(c);
        return c;
    }

    private static void byDevice(
            CandidateResult c, TrainingSet validation, double[] scores, double threshold) {
        boolean[] decisions = new boolean[scores.length];
        for (int r = 0; r < scores.length; r++) {
            decisions[r] = scores[r] >= threshold;
        }
        if (validation.things().size() < 2) {
            return;
        }
        Map<String, ConfusionMatrix> devices = GroupMetrics.byThing(validation, decisions);
        c.worstDeviceF1 = GroupMetrics.worstF1(devices);
        c.worstDevice = GroupMetrics.worst(devices);
    }

    private static void fill(CandidateResult c, ConfusionMatrix m) {
        c.f1 = m.f1();
        c.precision = m.precision();
        c.recall = m.recall();
        c.accuracy = m.accuracy();
    }

    private long seedOf(int index) {
        return seed * 1000 + index;
    }

    /**
     * Best first. Objective differences within {@link #TIE_TOLERANCE} of the best are noise on
     * validation rows of this size (the threshold is tuned on the same rows), so candidates that
     * close to the best are ordered by log loss instead: the better calibrated, usually the less
     * over-fitted, wins. The rest follow by objective.
     */
    static void rank(List<CandidateResult> results) {
        double best =
                results.stream()
                        .mapToDouble(c -> c.objectiveValue)
                        .filter(v -> !Double.isNaN(v))
                        .max()
                        .orElse(Double.NaN);
        results.sort(
                Comparator.comparingInt((CandidateResult c) -> nearBest(c, best) ? 0 : 1)
                        .thenComparingDouble(c -> nearBest(c, best) ? logLoss(c) : 0)
                        .thenComparingDouble(c -> -nanLast(c.objectiveValue)));
    }

    private static boolean nearBest(CandidateResult c, double best) {
        return c.objectiveValue >= best - TIE_TOLERANCE;
    }

    private static double logLoss(CandidateResult c) {
        return Double.isNaN(c.logLoss) ? Double.MAX_VALUE : c.logLoss;
    }

    private static double nanLast(double value) {
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
    }
}
