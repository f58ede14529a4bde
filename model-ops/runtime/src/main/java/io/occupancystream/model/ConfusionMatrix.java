package io.occupancystream.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Counts of predicted against actual occupancy, and the metrics of the positive class (occupied)
 * that follow from them: for a model's evaluation in model-ops and for the job's results against
 * the readings' labels. A ratio with a zero denominator is NaN here and null in JSON.
 */
public final class ConfusionMatrix {
    public final long tp;
    public final long fp;
    public final long tn;
    public final long fn;

    public ConfusionMatrix(long tp, long fp, long tn, long fn) {
        this.tp = tp;
        this.fp = fp;
        this.tn = tn;
        this.fn = fn;
    }

    /** Predicted occupied when {@code score >= threshold}. */
    public static ConfusionMatrix at(double[] scores, boolean[] actual, double threshold) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (predicted) {
                if (actual[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (actual[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /** Predicted occupied when the model's {@code probability >= threshold}. */
    public static ConfusionMatrix at(float[] probabilities, boolean[] actual, double threshold) {
        double[] scores = new double[probabilities.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = probabilities[i];
        }
        return at(scores, actual, threshold);
    }

    public ConfusionMatrix plus(ConfusionMatrix other) {
        return new ConfusionMatrix(tp + other.tp, fp + other.fp, tn + other.tn, fn + other.fn);
    }

    public long total() {
        return tp + fp + tn + fn;
    }

    public double accuracy() {
        return ratio(tp + tn, total());
    }

    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** False positives among the actually unoccupied: false alarms. */
    public double falsePositiveRate() {
        return ratio(fp, fp + tn);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : numerator / (double) denominator;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        put(node, "accuracy", accuracy());
        put(node, "precision", precision());
        put(node, "recall", recall());
        put(node, "f1", f1());
        put(node, "falsePositiveRate", falsePositiveRate());
        node.put("tp", tp);
        node.put("fp", fp);
        node.put("tn", tn);
        node.put("fn", fn);
        return node;
    }

    /** A metric rounded to 4 decimals, or null when undefined. */
    public static void put(ObjectNode node, String name, double value) {
        node.put(name, rounded(value));
    }

    /** {@code value} rounded to 4 decimals, as reports show metrics; null when NaN (undefined). */
    public static Double rounded(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 1e4) / 1e4;
    }
}
