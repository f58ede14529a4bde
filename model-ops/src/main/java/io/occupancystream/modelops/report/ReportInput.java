package io.occupancystream.modelops.report;

import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.eval.CandidateResult;
import java.util.List;
import java.util.Map;

/**
 * What the training report shows: the chosen model's card, the leaderboard, the chosen model's and
 * the rule's scores on the validation rows, and feature importance.
 */
public final class ReportInput {
    public final ModelCard card;

    /** Best first. */
    public final List<CandidateResult> leaderboard;

    /** The chosen model's probabilities of occupied, one per validation row. */
    public final double[] validationProbabilities;

    public final boolean[] validationActual;

    /** The rule's input (sound) per validation row; the rule says occupied when above threshold. */
    public final double[] validationRuleScores;

    public final double ruleThreshold;

    /** Total gain per feature name (features never used in a split may be absent). */
    public final Map<String, Double> featureImportance;

    public ReportInput(
            ModelCard card,
            List<CandidateResult> leaderboard,
            double[] validationProbabilities,
            boolean[] validationActual,
            double[] validationRuleScores,
            double ruleThreshold,
            Map<String, Double> featureImportance) {
        this.card = card;
        this.leaderboard = leaderboard;
        this.validationProbabilities = validationProbabilities;
        this.validationActual = validationActual;
        this.validationRuleScores = validationRuleScores;
        this.ruleThreshold = ruleThreshold;
        this.featureImportance = featureImportance;
    }
}
