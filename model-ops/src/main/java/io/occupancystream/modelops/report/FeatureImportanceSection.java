package io.occupancystream.modelops.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Total gain per feature, most important first. */
final class FeatureImportanceSection {
    private FeatureImportanceSection() {}

    static void append(StringBuilder html, ReportInput input) throws IOException {
        // Stable sort: features of equal gain keep the model's feature order.
        List<String> names = new ArrayList<>(input.card.features);
        names.sort(Comparator.comparingDouble((String name) -> gain(input, name)).reversed());
        List<Double> gains = new ArrayList<>();
        for (String name : names) {
            gains.add(gain(input, name));
        }
        byte[] png = Charts.horizontalBars("total gain", names, gains);
        html.append("<h2>Feature importance</h2>\n<p class=\"note\">")
                .append(
                        "Total gain of each feature's splits over all trees; features never"
                                + " used in a split have 0.</p>\n")
                .append(Html.pngImage(png, Charts.WIDTH, Charts.HEIGHT, "Feature importance"))
                .append('\n');
    }

    private static double gain(ReportInput input, String feature) {
        return input.featureImportance.getOrDefault(feature, 0.0);
    }
}
