package io.occupancystream.modelops.report;

import io.occupancystream.modelops.eval.ModelVsRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code report.html}: one self-contained page (styles inline, charts as embedded PNGs) on how a
 * training run went, for a person to read, mail or open from S3.
 */
public final class TrainingReport {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingReport.class);

    /** The reports' look; the run page shares it. */
    static final String STYLE =
            "body{font-family:'Helvetica Neue',Arial,sans-serif;color:#222;line-height:1.4;"
                    + "max-width:1400px;margin:24px auto;padding:0 24px}"
                    + "h1{font-size:24px;margin:0 0 4px}"
                    + "h2{font-size:19px;border-bottom:1px solid #ccc;padding-bottom:4px;"
                    + "margin:32px 0 8px}"
                    + "h3{font-size:15px;margin:8px 0 6px}"
                    + ".row{display:flex;flex-wrap:wrap;gap:8px 32px;align-items:flex-start}"
                    + "table{border-collapse:collapse;font-size:13px;margin:4px 0 8px}"
                    + "th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;"
                    + "vertical-align:top}"
                    + "th{background:#f4f4f4;font-weight:600}"
                    + ".leaderboard th{white-space:nowrap}"
                    + "td.num{text-align:right;white-space:nowrap;"
                    + "font-variant-numeric:tabular-nums}"
                    + ".row table td{max-width:420px;overflow-wrap:anywhere}"
                    + ".leaderboard td.params{font-size:11px;color:#444;max-width:260px}"
                    + "tr.chosen td{background:#e6f4ea}"
                    + ".badge{background:#1e8e3e;color:#fff;border-radius:3px;padding:0 5px;"
                    + "font-size:11px}"
                    + ".confusion td{text-align:center;min-width:130px}"
                    + ".confusion td.good{background:#eef6ee}.confusion td.bad{background:#fbeeee}"
                    + ".count{font-size:18px;font-weight:600}"
                    + ".note{color:#555;font-size:13px;margin:4px 0 8px}"
                    + "img{border:1px solid #eee}";

    private TrainingReport() {}

    /** Writes the report, replacing the file; creates its folder if needed. */
    public static void write(Path htmlFile, ReportInput input) throws IOException {
        Path folder = htmlFile.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Files.writeString(htmlFile, html(input), StandardCharsets.UTF_8);
        LOG.info("Wrote the training report {}", htmlFile);
    }

    static String html(ReportInput input) throws IOException {
        int rows = input.validationActual.length;
        if (input.validationProbabilities.length != rows
                || input.validationRuleScores.length != rows) {
            throw new IllegalArgumentException(
                    "validation rows differ: "
                            + input.validationProbabilities.length
                            + " probabilities, "
                            + input.validationRuleScores.length
                            + " rule scores, "
                            + rows
                            + " labels");
        }
        ModelVsRule results =
                new ModelVsRule(
                        input.validationProbabilities,
                        input.card.threshold,
                        input.validationRuleScores,
                        input.ruleThreshold,
                        input.validationActual);
        StringBuilder html = new StringBuilder();
        html.append(Html.pageStart("Training report: " + input.card.modelVersion, STYLE))
                .append("<p class=\"note\">Occupancy model trained ")
                .append(Html.escape(input.card.createdAt))
                .append(", compared with the rule it replaces.</p>\n");
        SummarySection.append(html, input, results);
        LeaderboardSection.append(html, input);
        ConfusionSection.append(html, input, results);
        CurvesSection.append(html, input, results);
        FeatureImportanceSection.append(html, input);
        html.append("</body>\n</html>\n");
        return html.toString();
    }
}
