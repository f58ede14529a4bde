package io.occupancystream.modelops.report;

import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.eval.DecisionReplay;
import io.occupancystream.modelops.eval.ModelVsRule;
import java.util.Map;
import java.util.stream.Collectors;

/** What the model is, what it learnt from, and how it does against the rule on validation. */
final class SummarySection {
    private SummarySection() {}

    static void append(StringBuilder html, ReportInput input, ModelVsRule results) {
        ModelCard card = input.card;
        html.append("<h2>Summary</h2>\n<div class=\"row\">\n");
        appendModelVsRule(html, input, results);

        html.append("<div><h3>Model</h3><table>\n");
        html.append(Html.keyValueRow("model version", card.modelVersion));
        html.append(Html.keyValueRow("created", card.createdAt));
        html.append(Html.keyValueRow("algorithm", card.algorithm));
        html.append(Html.keyValueRow("objective", card.objective));
        html.append(Html.keyValueRow("decision", Format.modelDecision(card.threshold)));
        html.append(Html.keyValueRow("device rule", card.deviceRule().toString()));
        html.append(
                Html.keyValueRow(
                        "room rule",
                        card.roomRule(DecisionReplay.DEFAULT_FRESHNESS_SECONDS).toString()));
        html.append(Html.keyValueRow("target", card.target));
        html.append(
                Html.keyValueRow(
                        "features (" + card.features.size() + ")",
                        String.join(", ", card.features)));
        html.append(Html.keyValueRow("hyperparameters", Format.pairs(card.hyperparameters)));
        html.append("</table></div>\n");

        html.append("<div><h3>Training data</h3><table>\n");
        html.append(Html.keyValueRow("rows", counts(card.rows)));
        html.append(Html.keyValueRow("class balance", shares(card.classBalance)));
        for (Map.Entry<String, Object> fact : card.trainingData.entrySet()) {
            html.append(Html.keyValueRow(fact.getKey(), Format.value(fact.getValue())));
        }
        html.append("</table></div>\n");
        html.append("</div>\n");
    }

    private static void appendModelVsRule(
            StringBuilder html, ReportInput input, ModelVsRule results) {
        long rows = results.model.total();
        long occupied = results.model.tp + results.model.fn;
        html.append("<div><h3>Validation: model against rule</h3><table>\n")
                .append("<tr><th>metric</th><th>model</th><th>rule</th></tr>\n");
        metricRow(html, "accuracy", results.model.accuracy(), results.rule.accuracy());
        metricRow(html, "precision", results.model.precision(), results.rule.precision());
        metricRow(html, "recall", results.model.recall(), results.rule.recall());
        metricRow(html, "F1", results.model.f1(), results.rule.f1());
        metricRow(
                html,
                "false-positive rate",
                results.model.falsePositiveRate(),
                results.rule.falsePositiveRate());
        metricRow(html, "ROC AUC", results.modelAuc, results.ruleAuc);
        html.append("</table>\n<p class=\"note\">")
                .append(Html.escape(Format.count(rows)))
                .append(" validation rows, ")
                .append(Html.escape(Format.count(occupied)))
                .append(" occupied (")
                .append(Html.escape(Format.percent(occupied / (double) rows)))
                .append(").<br>Model: occupied when ")
                .append(Html.escape(Format.modelDecision(input.card.threshold)))
                .append(".<br>Rule: occupied when ")
                .append(Html.escape(Format.ruleDecision(input.ruleThreshold)))
                .append("; its AUC ranks rows by sound.</p></div>\n");
    }

    private static void metricRow(StringBuilder html, String name, double model, double rule) {
        html.append("<tr><th>")
                .append(Html.escape(name))
                .append("</th><td class=\"num\">")
                .append(Format.metric(model))
                .append("</td><td class=\"num\">")
                .append(Format.metric(rule))
                .append("</td></tr>\n");
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + Format.count(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String shares(Map<String, Long> counts) {
        double total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.entrySet().stream()
                .map(
                        e ->
                                e.getKey()
                                        + " "
                                        + Format.count(e.getValue())
                                        + " ("
                                        + Format.percent(e.getValue() / total)
                                        + ")")
                .collect(Collectors.joining(", "));
    }
}
