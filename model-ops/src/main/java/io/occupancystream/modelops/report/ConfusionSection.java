package io.occupancystream.modelops.report;

import io.occupancystream.model.ConfusionMatrix;
import io.occupancystream.modelops.eval.ModelVsRule;

/** The model's and the rule's decisions on the validation rows against what was true. */
final class ConfusionSection {
    private ConfusionSection() {}

    static void append(StringBuilder html, ReportInput input, ModelVsRule results) {
        html.append("<h2>Confusion matrices</h2>\n<p class=\"note\">")
                .append(
                        "Validation rows by actual and predicted occupancy; each rate is the"
                                + " share of the row's actual class.</p>\n<div class=\"row\">\n");
        appendMatrix(html, "Model: " + Format.modelDecision(input.card.threshold), results.model);
        appendMatrix(html, "Rule: " + Format.ruleDecision(input.ruleThreshold), results.rule);
        html.append("</div>\n");
    }

    private static void appendMatrix(StringBuilder html, String title, ConfusionMatrix m) {
        html.append("<div><h3>")
                .append(Html.escape(title))
                .append("</h3><table class=\"confusion\">\n")
                .append("<tr><th></th><th>predicted occupied</th><th>predicted empty</th></tr>\n");
        long occupied = m.tp + m.fn;
        long empty = m.fp + m.tn;
        html.append("<tr><th>actually occupied</th>");
        cell(html, m.tp, occupied, "true positives", "good");
        cell(html, m.fn, occupied, "false negatives", "bad");
        html.append("</tr>\n<tr><th>actually empty</th>");
        cell(html, m.fp, empty, "false positives", "bad");
        cell(html, m.tn, empty, "true negatives", "good");
        html.append("</tr>\n</table></div>\n");
    }

    private static void cell(
            StringBuilder html, long count, long actualTotal, String name, String kind) {
        html.append("<td class=\"")
                .append(kind)
                .append("\"><span class=\"count\">")
                .append(Html.escape(Format.count(count)))
                .append("</span><br><span class=\"note\">")
                .append(Html.escape(name))
                .append(", ")
                .append(Html.escape(Format.percent(count / (double) actualTotal)))
                .append("</span></td>");
    }
}
