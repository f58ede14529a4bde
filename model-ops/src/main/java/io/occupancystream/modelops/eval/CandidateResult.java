package io.occupancystream.modelops.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** One row of the leaderboard: a trained candidate and how it did on the validation rows. */
public class CandidateResult {
    /** Rank-independent id, e.g. {@code xgb-007} or {@code baseline-logistic}. */
    public String id;

    /** {@code xgboost} or a baseline's name; only XGBoost candidates can be deployed. */
    public String algorithm;

    public Map<String, Object> hyperparameters = new LinkedHashMap<>();

    /** The XGBoost seed, with which the same rounds reproduce the same trees. */
    public long seed;

    /** Boosting rounds kept after early stopping (0 for baselines). */
    public int rounds;

    /** The decision threshold chosen on the validation rows (best F1). */
    public double threshold;

    public double f1;
    public double precision;
    public double recall;
    public double accuracy;
    public double auc;
    public double logLoss;
    public double trainSeconds;

    /**
     * F1 of the device that did worst at the candidate's threshold, and its name; for XGBoost
     * candidates on data from several devices, scored leave-one-device-out. NaN when undefined.
     */
    public double worstDeviceF1 = Double.NaN;

    public String worstDevice;

    /**
     * The validation rows' probabilities the figures above come from (out of device where {@link
     * #worstDevice} is set); not written to the leaderboard.
     */
    public transient double[] validationProbabilities;

    /** The value of the search objective (F1 or AUC) the leaderboard is sorted by. */
    public double objectiveValue;

    public boolean deployable;
}
