package io.occupancystream.job.features;

import io.occupancystream.model.ModelCard;
import java.math.BigDecimal;

/**
 * The CSV form of feature vectors: the training-set header and rows, and the rows of inference
 * requests, which are training rows without the target. Numbers are written in plain decimal
 * notation, never exponents.
 */
public final class FeatureCsv {
    /** The target column, as model-ops reads it (the EduKit tutorial's Autopilot target). */
    public static final String TARGET = ModelCard.DEFAULT_TARGET;

    private static final String HEADER = String.join(",", Feature.columns()) + "," + TARGET;

    private FeatureCsv() {}

    /** The training-set header: the feature columns in order, then {@link #TARGET}. */
    public static String header() {
        return HEADER;
    }

    /** A row of feature values without the target, as an inference request sends it. */
    public static String features(double[] vector) {
        if (vector.length != Feature.values().length) {
            throw new IllegalArgumentException(
                    "expected " + Feature.values().length + " features, got " + vector.length);
        }
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(number(vector[i]));
        }
        return row.toString();
    }

    /** A training row: the feature values, then the label as true or false. */
    public static String trainingRow(double[] vector, boolean occupied) {
        return features(vector) + "," + occupied;
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
