package io.occupancystream.modelops.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The job's own figures against the labels, per device or per room ({@code summary.json}'s {@code
 * againstLabels.byDevice} / {@code byRoom}): one row per place and decider, the cells exactly as
 * the summary has them, nothing recomputed.
 */
final class RunMetricsTable {
    private RunMetricsTable() {}

    /** {@code places} is place → decider → figures; a summary without them gives a note. */
    static void append(StringBuilder html, String placeHeader, JsonNode places) {
        if (places == null || places.isMissingNode() || places.isEmpty()) {
            html.append("<p class=\"note\">The summary has no figures per ")
                    .append(Html.escape(placeHeader))
                    .append(".</p>\n");
            return;
        }
        List<String> columns = columns(places);
        html.append("<table class=\"metrics\">\n<tr><th>")
                .append(Html.escape(placeHeader))
                .append("</th><th>decider</th>");
        for (String column : columns) {
            html.append("<th>").append(Html.escape(column)).append("</th>");
        }
        html.append("</tr>\n");
        for (Iterator<Map.Entry<String, JsonNode>> p = places.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> place = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> d = place.getValue().fields();
                    d.hasNext(); ) {
                Map.Entry<String, JsonNode> decider = d.next();
                html.append("<tr><th>")
                        .append(Html.escape(place.getKey()))
                        .append("</th><td>")
                        .append(Html.escape(decider.getKey()))
                        .append("</td>");
                for (String column : columns) {
                    html.append("<td class=\"num\">")
                            .append(Html.escape(cell(decider.getValue().get(column))))
                            .append("</td>");
                }
                html.append("</tr>\n");
            }
        }
        html.append("</table>\n");
    }

    /** The summary's figure as it is written there; n/a where it is undefined (null). */
    static String cell(JsonNode value) {
        return value == null || value.isNull() ? Format.UNDEFINED : value.asText();
    }

    private static List<String> columns(JsonNode places) {
        List<String> columns = new ArrayList<>();
        JsonNode first = places.elements().next().elements().next();
        first.fieldNames().forEachRemaining(columns::add);
        return columns;
    }
}
