package io.occupancystream.job.summary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Predicted against reported occupancy: the confusion matrix and accuracy, precision, recall and F1
 * of the positive class (occupied). A ratio with a zero denominator is null, not 0 or NaN.
 */
public final class LabelMetrics {
    public final long tp;
    public final long fp;
    public final long tn;
    public final long fn;

    public LabelMetrics(long tp, long fp, long tn, long fn) {
        this.tp = tp;
        this.fp = fp;
        this.tn = tn;
        this.fn = fn;
    }

    public LabelMetrics plus(LabelMetrics other) {
        return new LabelMetrics(tp + other.tp, fp + other.fp, tn + other.tn, fn + other.fn);
    }

    public long labelled() {
        return tp + fp + tn + fn;
    }

    public Double accuracy() {
        return ratio(tp + tn, labelled());
    }

    public Double precision() {
        return ratio(tp, tp + fp);
    }

    public Double recall() {
        return ratio(tp, tp + fn);
    }

    public Double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : Math.round(1e4 * numerator / (double) denominator) / 1e4;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("labelled", labelled());
        node.put("accuracy", accuracy());
        node.put("precision", precision());
        node.put("recall", recall());
        node.put("f1", f1());
        node.put("tp", tp);
        node.put("fp", fp);
        node.put("tn", tn);
        node.put("fn", fn);
        return node;
    }
}
