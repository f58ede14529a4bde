package io.occupancystream.modelops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.modelops.ModelOps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPageTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long T0 = 1513965600; // 2017-12-22T18:00:00Z

    @TempDir Path dir;
    private Path results;
    private Path summary;

    /**
     * Two rooms: lab (d1, d2) and hall (d3), three readings each a minute apart, in two committed
     * part files and one in-progress part the page must leave out. The rule is sound > 10.
     */
    @BeforeEach
    void run() throws IOException {
        results = Files.createDirectories(dir.resolve("later-days/results/2017-12-22--18"));
        Files.writeString(
                results.resolve("part-0-0.jsonl"),
                String.join(
                                "\n",
                                result("d1", "lab", T0, 12, 0.9, true, true, 0.8, true),
                                result("d1", "lab", T0 + 60, 5, 0.2, false, false, 0.3, false),
                                result("d1", "lab", T0 + 120, 10, 0.7, true, true, 0.6, true),
                                result("d2", "lab", T0, 3, 0.4, true, false, 0.8, true),
                                result("d2", "lab", T0 + 60, 4, null, false, false, null, null),
                                result("d2", "lab", T0 + 120, 30, 0.95, true, true, 0.6, false))
                        + "\n");
        Files.writeString(
                results.resolve("part-1-0.jsonl"),
                result("d3", "hall", T0 + 60, 0, 0.1, false, false, 0.1, false) + "\n");
        Files.writeString(
                results.resolve(".part-1-1.jsonl.inprogress.0a1b"),
                result("d3", "hall", T0 + 90, 50, 0.99, true, true, 0.99, true) + "\n");
        summary = dir.resolve("later-days/summary.json");
        Files.writeString(
                summary,
                "{\"readingsIn\":7,\"againstLabels\":{"
                        + "\"byDevice\":{"
                        + "\"d1\":{\"device\":"
                        + figures(3, 1.0, 1.0, 1.0, 1.0, 2, 0, 1, 0)
                        + ",\"room\":"
                        + figures(3, 1.0, 1.0, 1.0, 1.0, 2, 0, 1, 0)
                        + ",\"rule\":"
                        + figures(3, 0.6667, 1.0, 0.5, 0.6667, 1, 0, 1, 1)
                        + "},"
                        + "\"d3\":{\"device\":"
                        + figures(1, 1.0, null, null, null, 0, 0, 1, 0)
                        + ",\"room\":"
                        + figures(1, 1.0, null, null, null, 0, 0, 1, 0)
                        + ",\"rule\":"
                        + figures(1, 1.0, null, null, null, 0, 0, 1, 0)
                        + "}},"
                        + "\"byRoom\":{\"lab\":{\"device\":"
                        + figures(5, 0.8, 0.75, 1.0, 0.8571, 3, 1, 1, 0)
                        + ",\"room\":"
                        + figures(5, 0.6, 0.6, 1.0, 0.75, 3, 2, 0, 0)
                        + ",\"rule\":"
                        + figures(5, 0.4, 0.5, 0.3333, 0.4, 1, 1, 1, 2)
                        + "}}}}");
    }

    @Test
    void commandWritesAPageWithEveryRoomAndDeviceAndLeavesOutUncommittedParts() throws IOException {
        Path page = dir.resolve("later-days/run.html");
        StringWriter out = new StringWriter();
        int exit =
                ModelOps.commandLine()
                        .setOut(new PrintWriter(out))
                        .execute(
                                "run-page",
                                "--results",
                                dir.resolve("later-days/results").toString(),
                                "--summary",
                                summary.toString(),
                                "--rule-threshold",
                                "10",
                                "--out",
                                page.toString());

        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).isEqualTo("Run page: " + page + System.lineSeparator());
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(headings(html))
                .containsExactly(
                        "Per device",
                        "Per room",
                        "Room hall",
                        "Device d3 in room hall",
                        "Room lab",
                        "Device d1 in room lab",
                        "Device d2 in room lab");
        assertThat(count(html, "<svg ")).isEqualTo(5);
        assertThat(html)
                .contains(
                        "7 results from 2017-12-22T18:00:00Z to 2017-12-22T18:02:00Z;"
                                + " by source: model 6, rule 1;"
                                + " versions: occupancy-xgb-1, rule:sound&gt;10.");
    }

    @Test
    void metricsCellsAreTheSummarysFiguresAsWritten() throws IOException {
        String html = page();
        JsonNode againstLabels = MAPPER.readTree(summary.toFile()).get("againstLabels");

        List<String> expected = new ArrayList<>();
        for (String scope : List.of("byDevice", "byRoom")) {
            for (Iterator<Map.Entry<String, JsonNode>> p = againstLabels.get(scope).fields();
                    p.hasNext(); ) {
                Map.Entry<String, JsonNode> place = p.next();
                place.getValue()
                        .fields()
                        .forEachRemaining(
                                decider -> {
                                    StringBuilder row =
                                            new StringBuilder("<tr><th>")
                                                    .append(place.getKey())
                                                    .append("</th><td>")
                                                    .append(decider.getKey())
                                                    .append("</td>");
                                    decider.getValue()
                                            .forEach(
                                                    v ->
                                                            row.append("<td class=\"num\">")
                                                                    .append(
                                                                            v.isNull()
                                                                                    ? "n/a"
                                                                                    : v.asText())
                                                                    .append("</td>"));
                                    expected.add(row.append("</tr>").toString());
                                });
            }
        }
        assertThat(expected).hasSize(9);
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr><th>[^<]*</th><td>.*?</tr>").matcher(html);
        while (row.find()) {
            rows.add(row.group());
        }
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(rows.get(2))
                .isEqualTo(
                        "<tr><th>d1</th><td>rule</td><td class=\"num\">3</td>"
                                + "<td class=\"num\">0.6667</td><td class=\"num\">1.0</td>"
                                + "<td class=\"num\">0.5</td><td class=\"num\">0.6667</td>"
                                + "<td class=\"num\">1</td><td class=\"num\">0</td>"
                                + "<td class=\"num\">1</td><td class=\"num\">1</td></tr>");
        assertThat(html)
                .contains(
                        "<tr><th>device</th><th>decider</th><th>labelled</th><th>accuracy</th>"
                                + "<th>precision</th><th>recall</th><th>f1</th><th>tp</th>"
                                + "<th>fp</th><th>tn</th><th>fn</th></tr>");
    }

    @Test
    void timelinesDrawEachReadingInTimeOrderOnOneAxis() throws IOException {
        String d1 = svgAfter(page(), "<h3>Device d1 in room lab</h3>");

        // The axis runs from the run's first reading (x 190) to its last (x 1080); a lane is
        // 14 high (occupied at its top), a step holding each state until the next reading; a
        // line 60 high, 8 apart, from y 6.
        assertThat(points(d1, "label"))
                .isEqualTo(
                        "190.0,20.0 190.0,6.0 635.0,6.0 635.0,20.0 1080.0,20.0 1080.0,6.0"
                                + " 1080.0,20.0");
        assertThat(points(d1, "room decision"))
                .isEqualTo(
                        "190.0,42.0 190.0,28.0 635.0,28.0 635.0,42.0 1080.0,42.0 1080.0,28.0"
                                + " 1080.0,42.0");
        // The rule is sound > 10: 12 is above it, 10 is not.
        assertThat(points(d1, "rule (sound > 10)"))
                .isEqualTo("190.0,86.0 190.0,72.0 635.0,72.0 635.0,86.0 1080.0,86.0 1080.0,86.0");
        // Probability 0.9, 0.2, 0.7 between y 94 and 154.
        assertThat(points(d1, "probability")).isEqualTo("190.0,100.0 635.0,142.0 1080.0,112.0");
        // Sound on one scale for the whole page, up to its loudest reading (30).
        assertThat(points(d1, "sound")).isEqualTo("190.0,198.0 635.0,212.0 1080.0,202.0");

        String d2 = svgAfter(page(), "<h3>Device d2 in room lab</h3>");
        // The rule's reading (no probability, no label) is left out of those series only.
        assertThat(points(d2, "probability")).isEqualTo("190.0,130.0 1080.0,97.0");
        assertThat(points(d2, "label"))
                .isEqualTo("190.0,20.0 190.0,6.0 1080.0,6.0 1080.0,20.0 1080.0,20.0");
        assertThat(points(d2, "device decision"))
                .isEqualTo("190.0,64.0 190.0,64.0 635.0,64.0 1080.0,64.0 1080.0,50.0 1080.0,64.0");
    }

    @Test
    void lineThatIsNotAResultStopsThePageNamingItsFileAndLine() throws IOException {
        Path part = results.resolve("part-2-0.jsonl");
        Files.writeString(
                part,
                result("d3", "hall", T0 + 120, 0, 0.1, false, false, 0.1, false)
                        + "\n\n{\"thingName\":\"d3\",\"timestamp\":1513965780}\n");

        assertThatThrownBy(() -> page())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(part + ":3: no roomOccupancy");
    }

    @Test
    void fetchesNothing() throws IOException {
        String html = page();

        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=");
        assertThat(html).doesNotContainPattern("(?i)https?:|<script|<link|@import|url\\(");
    }

    private String page() throws IOException {
        Path page = dir.resolve("run.html");
        RunPage.write(page, dir.resolve("later-days/results"), summary, 10);
        return Files.readString(page, StandardCharsets.UTF_8);
    }

    private static String result(
            String thing,
            String room,
            long timestamp,
            double sound,
            Double probability,
            boolean roomOccupancy,
            boolean deviceOccupancy,
            Double roomScore,
            Boolean label) {
        var node = MAPPER.createObjectNode();
        node.put("id", thing + ":" + timestamp);
        node.put("thingName", thing);
        node.put("timestamp", timestamp);
        node.put("temperature", 21.5);
        node.put("sound", sound);
        node.putNull("hvacStatus");
        node.put("roomOccupancy", roomOccupancy);
        node.put("probability", probability);
        node.put("source", probability == null ? "rule" : "model");
        node.put("modelVersion", probability == null ? "rule:sound>10" : "occupancy-xgb-1");
        node.putNull("fallbackReason");
        node.put("reportedOccupancy", label);
        node.put("room", room);
        node.put("deviceOccupancy", deviceOccupancy);
        node.put("roomScore", roomScore);
        node.put("roomVoters", 2);
        return node.toString();
    }

    private static String figures(
            long labelled,
            Double accuracy,
            Double precision,
            Double recall,
            Double f1,
            long tp,
            long fp,
            long tn,
            long fn) {
        var node = MAPPER.createObjectNode();
        node.put("labelled", labelled);
        node.put("accuracy", accuracy);
        node.put("precision", precision);
        node.put("recall", recall);
        node.put("f1", f1);
        node.put("tp", tp);
        node.put("fp", fp);
        node.put("tn", tn);
        node.put("fn", fn);
        return node.toString();
    }

    private static List<String> headings(String html) {
        List<String> headings = new ArrayList<>();
        Matcher h3 = Pattern.compile("<h3>([^<]*)</h3>").matcher(html);
        while (h3.find()) {
            headings.add(h3.group(1));
        }
        return headings;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String svgAfter(String html, String heading) {
        int start = html.indexOf("<svg ", html.indexOf(heading));
        return html.substring(start, html.indexOf("</svg>", start));
    }

    private static String points(String svg, String series) {
        Matcher m =
                Pattern.compile(
                                "<g data-series=\""
                                        + Pattern.quote(Html.escape(series))
                                        + "\">.*?<polyline points=\"([^\"]*)\"")
                        .matcher(svg);
        assertThat(m.find()).as(series).isTrue();
        return m.group(1);
    }
}
