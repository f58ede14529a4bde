package io.occupancystream.modelops.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.ConfusionMatrix;
import java.util.Locale;

/**
 * The model's and the rule's decisions on the same labelled rows, side by side: the model says
 * occupied when its probability is at least its threshold, the rule when sound is above its
 * threshold.
 */
public final class ModelVsRule {
    public final ConfusionMatrix model;
    public final ConfusionMatrix rule;
    public final double modelAuc;
    public final double modelLogLoss;
    public final double ruleAuc;

    public ModelVsRule(
            double[] probabilities,
            double modelThreshold,
            double[] sound,
            double ruleThreshold,
            boolean[] actual) {
        model = ConfusionMatrix.at(probabilities, actual, modelThreshold);
        rule = ConfusionMatrix.at(sound, actual, Math.nextUp(ruleThreshold));
        modelAuc = BinaryMetrics.auc(probabilities, actual);
        modelLogLoss = BinaryMetrics.logLoss(probabilities, actual);
        ruleAuc = BinaryMetrics.auc(sound, actual);
    }

    public ObjectNode modelJson() {
        ObjectNode node = model.toJson();
        ConfusionMatrix.put(node, "auc", modelAuc);
        ConfusionMatrix.put(node, "logLoss", modelLogLoss);
        return node;
    }

    public ObjectNode ruleJson() {
        ObjectNode node = rule.toJson();
        ConfusionMatrix.put(node, "auc", ruleAuc);
        return node;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("rows", model.total());
        node.put("occupied", model.tp + model.fn);
        node.set("model", modelJson());
        node.set("rule", ruleJson());
        return node;
    }

    /** A small table for the terminal. */
    public String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-20s %10s %10s%n", "", "model", "rule"));
        row(t, "accuracy", model.accuracy(), rule.accuracy());
        row(t, "precision", model.precision(), rule.precision());
        row(t, "recall", model.recall(), rule.recall());
        row(t, "F1", model.f1(), rule.f1());
        row(t, "false-positive rate", model.falsePositiveRate(), rule.falsePositiveRate());
        row(t, "ROC AUC", modelAuc, ruleAuc);
        t.append(
                String.format(
                        Locale.ROOT,
                        "%-20s %10s %10s%n",
                        "tp/fp/tn/fn",
                        model.tp + "/" + model.fp + "/" + model.tn + "/" + model.fn,
                        rule.tp + "/" + rule.fp + "/" + rule.tn + "/" + rule.fn));
        return t.toString();
    }

    private static void row(StringBuilder t, String name, double model, double rule) {
        t.append(
                String.format(Locale.ROOT, "%-20s %10s %10s%n", name, format(model), format(rule)));
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }
}
