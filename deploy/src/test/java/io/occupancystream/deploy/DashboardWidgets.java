package io.occupancystream.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/**
 * The graphs of a template's one dashboard, read from its DashboardBody as CloudWatch reads it
 * ("Dashboard Body Structure and Syntax"): each widget's title and its metrics, a metric as {@code
 * NAMESPACE NAME DIM=VALUE,... STAT} (then {@code right} when on the right axis, {@code hidden}
 * when only an expression's input) and a math expression as {@code = EXPRESSION [LABEL]}.
 */
final class DashboardWidgets {
    /** One metric a widget reads. */
    static final class MetricRef {
        final String namespace;
        final String name;
        final Map<String, String> dimensions;

        MetricRef(String namespace, String name, Map<String, String> dimensions) {
            this.namespace = namespace;
            this.name = name;
            this.dimensions = dimensions;
        }

        @Override
        public String toString() {
            return namespace + " " + name + " " + dimensions;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardWidgets() {}

    /** Title to the widget's lines, in the dashboard's order. */
    static Map<String, List<String>> of(Template template) {
        Map<String, List<String>> widgets = new LinkedHashMap<>();
        for (JsonNode widget : body(template).get("widgets")) {
            JsonNode properties = widget.get("properties");
            List<String> lines = new ArrayList<>();
            for (JsonNode row : properties.get("metrics")) {
                lines.add(line(row));
            }
            widgets.put(properties.get("title").asText(), lines);
        }
        return widgets;
    }

    /** Every metric (not expression) that any widget reads. */
    static List<MetricRef> metrics(Template template) {
        List<MetricRef> metrics = new ArrayList<>();
        for (JsonNode widget : body(template).get("widgets")) {
            for (JsonNode row : widget.get("properties").get("metrics")) {
                if (row.get(0).isTextual()) {
                    metrics.add(
                            new MetricRef(
                                    row.get(0).asText(), row.get(1).asText(), dimensions(row)));
                }
            }
        }
        return metrics;
    }

    static JsonNode body(Template template) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties =
                (Map<String, Object>)
                        template.findResources("AWS::CloudWatch::Dashboard")
                                .values()
                                .iterator()
                                .next()
                                .get("Properties");
        try {
            return JSON.readTree(IamStatements.text(properties.get("DashboardBody")));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> dimensions(JsonNode row) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 2; i + 1 < row.size() && row.get(i).isTextual(); i += 2) {
            dimensions.put(row.get(i).asText(), row.get(i + 1).asText());
        }
        return dimensions;
    }

    /** A metric without "stat" is drawn as its Average (the dashboard body's default). */
    private static String line(JsonNode row) {
        JsonNode options = row.get(row.size() - 1);
        if (!row.get(0).isTextual()) {
            return "= "
                    + options.get("expression").asText()
                    + " ["
                    + options.get("label").asText()
                    + "]";
        }
        List<String> dimensions = new ArrayList<>();
        dimensions(row).forEach((name, value) -> dimensions.add(name + "=" + value));
        String line =
                row.get(0).asText()
                        + " "
                        + row.get(1).asText()
                        + " "
                        + String.join(",", dimensions)
                        + " "
                        + (options.has("stat") ? options.get("stat").asText() : "Average");
        if (options.has("yAxis")) {
            line += " " + options.get("yAxis").asText();
        }
        if (options.has("visible") && !options.get("visible").asBoolean()) {
            line += " hidden";
        }
        return line;
    }
}
