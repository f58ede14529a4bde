package io.occupancystream.modelops.train;

import io.occupancystream.modelops.data.TrainingSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains binary:logistic boosters on float rows. With early stopping, training stops once the
 * validation log loss has not improved for {@link #EARLY_STOPPING_ROUNDS} rounds, and the round
 * count kept is the best one; training again with that fixed count and the same seed reproduces the
 * same trees.
 */
final class XgboostTrainer {
    static final int MAX_ROUNDS = 300;
    static final int EARLY_STOPPING_ROUNDS = 25;

    private final int threads;

    XgboostTrainer(int threads) {
        this.threads = threads;
    }

    /** A candidate trained with early stopping: its best round count and validation scores. */
    static final class Fit {
        final int rounds;
        final double[] validationProbabilities;

        Fit(int rounds, double[] validationProbabilities) {
            this.rounds = rounds;
            this.validationProbabilities = validationProbabilities;
        }
    }

    /** Trains with early stopping on {@code validation} and scores it with the best rounds. */
    Fit fit(TrainingSet train, TrainingSet validation, Map<String, Object> hp, long seed)
            throws XGBoostError {
        return fit(train, validation, validation, hp, seed);
    }

    /**
     * Trains with early stopping on {@code validation} and scores {@code scored} with the best
     * rounds: for a withheld device, whose rows neither train nor stop the training.
     */
    Fit fit(
            TrainingSet train,
            TrainingSet validation,
            TrainingSet scored,
            Map<String, Object> hp,
            long seed)
            throws XGBoostError {
        DMatrix dtrain = matrix(train);
        DMatrix dvalidation = matrix(validation);
        DMatrix dscored = scored == validation ? dvalidation : matrix(scored);
        // Early stopping watches the last entry, the only one: evaluating the training rows too
        // would double the cost of every round for a figure nobody reads.
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        watches.put("validation", dvalidation);
        float[][] history = new float[watches.size()][MAX_ROUNDS];
        Booster booster = null;
        try {
            booster =
                    XGBoost.train(
                            dtrain,
                            params(hp, seed),
                            MAX_ROUNDS,
                            watches,
                            history,
                            null,
                            null,
                            EARLY_STOPPING_ROUNDS);
            int best = 0;
            for (int i = 1; i < booster.getNumBoostedRound(); i++) {
                if (history[0][i] < history[0][best]) {
                    best = i;
                }
            }
            float[][] predictions = booster.predict(dscored, false, best + 1);
            double[] p = new double[predictions.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = predictions[i][0];
            }
            return new Fit(best + 1, p);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            dtrain.dispose();
            dvalidation.dispose();
            if (dscored != dvalidation) {
                dscored.dispose();
            }
        }
    }

    /** Trains exactly {@code rounds} rounds. */
    Booster train(TrainingSet train, Map<String, Object> hp, long seed, int rounds)
            throws XGBoostError {
        DMatrix dtrain = matrix(train);
        try {
            return XGBoost.train(dtrain, params(hp, seed), rounds, new HashMap<>(), null, null);
        } finally {
            dtrain.dispose();
        }
    }

    static double[] probabilities(Booster booster, TrainingSet rows) throws XGBoostError {
        float[][] predictions =
                booster.inplace_predict(rows.values(), rows.rows(), rows.columns(), Float.NaN);
        double[] p = new double[rows.rows()];
        for (int i = 0; i < p.length; i++) {
            p[i] = predictions[i][0];
        }
        return p;
    }

    private Map<String, Object> params(Map<String, Object> hp, long seed) {
        Map<String, Object> params = new HashMap<>(hp);
        params.put("objective", "binary:logistic");
        params.put("eval_metric", "logloss");
        params.put("tree_method", "hist");
        params.put("seed", seed);
        params.put("nthread", threads);
        params.put("verbosity", 0);
        // xgboost4j prints every round's evaluation (and the early stop) on stderr unless told not
        // to; the search's progress bar says enough.
        params.put("verbose_eval", 0);
        return params;
    }

    private static DMatrix matrix(TrainingSet rows) throws XGBoostError {
        DMatrix m = new DMatrix(rows.values(), rows.rows(), rows.columns(), Float.NaN);
        float[] labels = new float[rows.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.label(i) ? 1f : 0f;
        }
        m.setLabel(labels);
        return m;
    }
}
