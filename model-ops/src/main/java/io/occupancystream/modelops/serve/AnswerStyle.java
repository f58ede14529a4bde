package io.occupancystream.modelops.serve;

import java.util.List;
import java.util.Locale;

/**
 * The kind of SageMaker inference container the local endpoint imitates, which decides what each
 * cell of its answer means. AWS, SageMaker Developer Guide, "Configure inference output in
 * generated containers": {@code probability} is "the probability of the True class" for a
 * hyperparameter-tuning (HPO) model and the probability of {@code predicted_label} for an
 * ensembling model; {@code probabilities} lists the probability of each label in {@code labels};
 * its example answer is {@code [1, 0.1, "[0.9, 0.1]", "['1', '0']"]}, where the second label is the
 * positive class Autopilot chose and HPO's probability (0.1) is that class's. Labels are spelt as
 * the training CSV spelt them ({@code true}/{@code false}).
 */
public enum AnswerStyle {
    /** Autopilot's one ensembling container: {@code probability} is P(predicted_label). */
    ENSEMBLING(List.of("false", "true")),
    /**
     * Autopilot's HPO pipeline, answered by its inverse label transformer: labels in the order of
     * the doc's example (the occupied-like label first), so the positive class, whose probability
     * {@code probability} is, is {@code false}.
     */
    HPO(List.of("true", "false")),
    /**
     * SageMaker's built-in XGBoost without selectable output: one text/csv line of P(occupied),
     * comma-separated, whatever the Accept (aws/sagemaker-xgboost-container, algorithm_mode
     * serve.py: {@code ",".join(map(str, preds.tolist()))}).
     */
    XGBOOST(List.of());

    private static final String OCCUPIED = "true";

    private final List<String> labels;

    AnswerStyle(List<String> labels) {
        this.labels = labels;
    }

    /** Parses {@code ensembling}, {@code hpo} or {@code xgboost}, in any case. */
    public static AnswerStyle forName(String name) {
        for (AnswerStyle style : values()) {
            if (style.name().equalsIgnoreCase(name.trim())) {
                return style;
            }
        }
        throw new IllegalArgumentException(
                "answer style '" + name + "' is not one of ensembling, hpo, xgboost");
    }

    /** The labels, in the order of {@code labels} and {@code probabilities}. */
    List<String> labels() {
        return labels;
    }

    /** The probability of each of {@link #labels()}, given P(occupied). */
    float[] probabilities(float occupied) {
        float[] out = new float[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.get(i).equals(OCCUPIED) ? occupied : 1f - occupied;
        }
        return out;
    }

    /** What the container writes as {@code probability}, given P(occupied) and the label. */
    float probability(float occupied, boolean predictedOccupied) {
        switch (this) {
            case ENSEMBLING:
                return predictedOccupied ? occupied : 1f - occupied;
            case HPO:
                return probabilities(occupied)[1];
            default:
                return occupied;
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
