package io.occupancystream.modelops.report;

import io.occupancystream.model.ConfusionMatrix;
import io.occupancystream.modelops.eval.ModelVsRule;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** ROC and precision-recall curves of model and rule, and the model's calibration. */
final class CurvesSection {
    private CurvesSection() {}

    static void append(StringBuilder html, ReportInput input, ModelVsRule results)
            throws IOException {
        appendRoc(html, input, results);
        appendPrecisionRecall(html, input, results);
        appendCalibration(html, input);
    }

    private static String ruleCurveName(ReportInput input) {
        return "rule (" + Format.ruleDecision(input.ruleThreshold) + ")";
    }

    private static void appendRoc(StringBuilder html, ReportInput input, ModelVsRule results)
            throws IOException {
        List<RocCurve.Point> modelCurve =
                RocCurve.of(input.validationProbabilities, input.validationActual);
        List<RocCurve.Point> ruleCurve =
                RocCurve.of(input.validationRuleScores, input.validationActual);
        List<Charts.Series> series = new ArrayList<>();
        series.add(Charts.Series.diagonal("chance"));
        series.add(roc("model, AUC " + Format.metric(results.modelAuc), modelCurve, Charts.MODEL));
        series.add(
                roc(
                        ruleCurveName(input) + ", AUC " + Format.metric(results.ruleAuc),
                        ruleCurve,
                        Charts.RULE));
        byte[] png = Charts.unitSquare("false-positive rate", "true-positive rate", series);
        html.append("<h2>ROC curve</h2>\n<p class=\"note\">")
                .append(
                        "True-positive rate against false-positive rate as the threshold falls"
                                + " (the rule's threshold on sound). No curve when validation"
                                + " has only one class.</p>\n")
                .append(Html.pngImage(png, Charts.WIDTH, Charts.HEIGHT, "ROC curve"))
                .append('\n');
    }

    private static Charts.Series roc(String name, List<RocCurve.Point> points, Color color) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i).falsePositiveRate;
            ys[i] = points.get(i).truePositiveRate;
        }
        return new Charts.Series(name, xs, ys, color, Charts.Style.LINE);
    }

    private static void appendPrecisionRecall(
            StringBuilder html, ReportInput input, ModelVsRule results) throws IOException {
        List<Charts.Series> series = new ArrayList<>();
        series.add(
                precisionRecall(
                        "model",
                        PrecisionRecallCurve.of(
                                input.validationProbabilities, input.validationActual),
                        Charts.MODEL));
        series.add(
                precisionRecall(
                        ruleCurveName(input),
                        PrecisionRecallCurve.of(input.validationRuleScores, input.validationActual),
                        Charts.RULE));
        series.add(
                operatingPoint(
                        "model at " + Format.modelDecision(input.card.threshold),
                        results.model,
                        Charts.MODEL));
        series.add(
                operatingPoint(
                        "rule at " + Format.ruleDecision(input.ruleThreshold),
                        results.rule,
                        Charts.RULE));
        byte[] png = Charts.unitSquare("recall", "precision", series);
        html.append("<h2>Precision-recall curve</h2>\n<p class=\"note\">")
                .append(
                        "Precision against recall as the threshold falls; the dots are where"
                                + " the model and the rule decide. No curve when no validation"
                                + " row is occupied.</p>\n")
                .append(Html.pngImage(png, Charts.WIDTH, Charts.HEIGHT, "Precision-recall curve"))
                .append('\n');
    }

    private static Charts.Series precisionRecall(
            String name, List<PrecisionRecallCurve.Point> points, Color color) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i).recall;
            ys[i] = points.get(i).precision;
        }
        return new Charts.Series(name, xs, ys, color, Charts.Style.LINE);
    }

    /** Empty when the point is undefined (nothing predicted occupied, or nothing occupied). */
    private static Charts.Series operatingPoint(
            String name, ConfusionMatrix confusion, Color color) {
        double recall = confusion.recall();
        double precision = confusion.precision();
        boolean defined = !Double.isNaN(recall) && !Double.isNaN(precision);
        return new Charts.Series(
                name,
                defined ? new double[] {recall} : new double[0],
                defined ? new double[] {precision} : new double[0],
                color,
                Charts.Style.POINT);
    }

    private static void appendCalibration(StringBuilder html, ReportInput input)
            throws IOException {
        List<CalibrationBins.Bin> bins =
                CalibrationBins.of(input.validationProbabilities, input.validationActual);
        List<CalibrationBins.Bin> filled = new ArrayList<>();
        for (CalibrationBins.Bin bin : bins) {
            if (bin.count > 0) {
                filled.add(bin);
            }
        }
        double[] xs = new double[filled.size()];
        double[] ys = new double[filled.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = filled.get(i).meanPredicted;
            ys[i] = filled.get(i).observedFraction;
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(Charts.Series.diagonal("perfectly calibrated"));
        series.add(new Charts.Series("model", xs, ys, Charts.MODEL, Charts.Style.LINE_AND_POINTS));
        byte[] png = Charts.unitSquare("mean predicted probability", "fraction occupied", series);

        html.append("<h2>Calibration</h2>\n<p class=\"note\">")
                .append(CalibrationBins.BIN_COUNT)
                .append(
                        " equal-width bins of the model's probability: in each, the mean"
                                + " probability against the fraction of rows actually occupied."
                                + " Points below the diagonal mean over-confidence in"
                                + " occupancy.</p>\n<div class=\"row\">\n")
                .append(Html.pngImage(png, Charts.WIDTH, Charts.HEIGHT, "Calibration"))
                .append("\n<table>\n<tr><th>probability</th><th>rows</th>")
                .append("<th>mean predicted</th><th>fraction occupied</th></tr>\n");
        for (CalibrationBins.Bin bin : bins) {
            html.append("<tr><td>")
                    .append(Format.value(bin.lower))
                    .append(" to ")
                    .append(Format.value(bin.upper))
                    .append("</td><td class=\"num\">")
                    .append(Html.escape(Format.count(bin.count)))
                    .append("</td><td class=\"num\">")
                    .append(Format.metric(bin.meanPredicted))
                    .append("</td><td class=\"num\">")
                    .append(Format.metric(bin.observedFraction))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</div>\n");
    }
}
