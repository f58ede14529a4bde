package io.occupancystream.modelops.report;

import io.occupancystream.modelops.eval.CandidateResult;
import java.util.List;

/**
 * Every candidate, best first. The chosen one is the best deployable candidate: baselines may rank
 * above it but cannot be deployed.
 */
final class LeaderboardSection {
    private static final String[] HEADINGS = {
        "#",
        "id",
        "algorithm",
        "objective",
        "F1",
        "AUC",
        "log loss",
        "precision",
        "recall",
        "threshold",
        "rounds",
        "hyperparameters",
        "train s",
        "deployable"
    };

    private LeaderboardSection() {}

    static void append(StringBuilder html, ReportInput input) {
        List<CandidateResult> candidates = input.leaderboard;
        html.append("<h2>Leaderboard</h2>\n<p class=\"note\">")
                .append(Format.count(candidates.size()))
                .append(" candidates, best first by the objective (")
                .append(Html.escape(input.card.objective))
                .append(
                        "). The highlighted row is the chosen model: the best deployable"
                                + " candidate.</p>\n<table class=\"leaderboard\">\n<tr>");
        for (String heading : HEADINGS) {
            html.append("<th>").append(Html.escape(heading)).append("</th>");
        }
        html.append("</tr>\n");
        int chosen = chosenIndex(candidates);
        for (int i = 0; i < candidates.size(); i++) {
            appendRow(html, i, candidates.get(i), i == chosen);
        }
        html.append("</table>\n");
    }

    private static int chosenIndex(List<CandidateResult> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).deployable) {
                return i;
            }
        }
        return -1;
    }

    private static void appendRow(
            StringBuilder html, int index, CandidateResult c, boolean chosen) {
        html.append(chosen ? "<tr class=\"chosen\">" : "<tr>");
        number(html, Integer.toString(index + 1));
        html.append("<td>").append(Html.escape(c.id));
        if (chosen) {
            html.append(" <span class=\"badge\">chosen</span>");
        }
        html.append("</td><td>").append(Html.escape(c.algorithm)).append("</td>");
        number(html, Format.metric(c.objectiveValue));
        number(html, Format.metric(c.f1));
        number(html, Format.metric(c.auc));
        number(html, Format.metric(c.logLoss));
        number(html, Format.metric(c.precision));
        number(html, Format.metric(c.recall));
        number(html, Format.metric(c.threshold));
        number(html, Integer.toString(c.rounds));
        html.append("<td class=\"params\">")
                .append(Html.escape(Format.pairs(c.hyperparameters)))
                .append("</td>");
        number(html, Format.seconds(c.trainSeconds));
        html.append("<td>").append(c.deployable ? "yes" : "no").append("</td></tr>\n");
    }

    private static void number(StringBuilder html, String text) {
        html.append("<td class=\"num\">").append(Html.escape(text)).append("</td>");
    }
}
