package io.occupancystream.modelops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.model.decision.SoundRule;
import io.occupancystream.model.results.ResultLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run.html}: one self-contained page of a job run (styles and SVG charts inline, nothing
 * fetched): per room and per device a timeline of the label, the decisions and the rule, and the
 * run's figures against the labels as {@code summary.json} states them.
 */
public final class RunPage {
    private static final Logger LOG = LoggerFactory.getLogger(RunPage.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String LABEL = "#2ca02c";
    private static final String ROOM = "#1f77b4";
    private static final String DEVICE = "#9467bd";
    private static final String RULE = "#ff7f0e";
    private static final String SOUND = "#555555";

    private RunPage() {}

    /** Writes the page, replacing the file; creates its folder if needed. */
    public static void write(Path htmlFile, Path results, Path summaryFile, double ruleThreshold)
            throws IOException {
        List<ResultLine> readings = RunResults.read(results);
        JsonNode summary = MAPPER.readTree(Files.readString(summaryFile, StandardCharsets.UTF_8));
        Path folder = htmlFile.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        String title = results.toString();
        Files.writeString(
                htmlFile,
                html(title, readings, summary, new SoundRule(ruleThreshold)),
                StandardCharsets.UTF_8);
        LOG.info("Wrote the run page {} ({} results)", htmlFile, readings.size());
    }

    static String html(String title, List<ResultLine> readings, JsonNode summary, SoundRule rule) {
        StringBuilder html = new StringBuilder();
        html.append(Html.pageStart("Run: " + title, TrainingReport.STYLE));
        html.append("<p class=\"note\">").append(Html.escape(overview(readings))).append("</p>\n");

        JsonNode againstLabels = summary.path("againstLabels");
        html.append("<h2>Against the labels</h2>\n<p class=\"note\">")
                .append(
                        Html.escape(
                                "As the job's summary.json states them. Deciders: device, the"
                                        + " device's own decision (deviceOccupancy); room, its"
                                        + " room's decision (roomOccupancy, what every result"
                                        + " carries); rule, "
                                        + Format.ruleDecision(rule.threshold())
                                        + " on the same reading."))
                .append("</p>\n<h3>Per device</h3>\n");
        RunMetricsTable.append(html, "device", againstLabels.path("byDevice"));
        html.append("<h3>Per room</h3>\n");
        RunMetricsTable.append(html, "room", againstLabels.path("byRoom"));

        html.append("<h2>Timelines</h2>\n<p class=\"note\">")
                .append(
                        Html.escape(
                                "Times in UTC. Filled lanes are occupied; lines are on their own"
                                        + " scale, the dashed line on sound is the rule's"
                                        + " threshold. A series of more than "
                                        + Downsample.MAX_POINTS
                                        + " readings is drawn from the lowest and highest of each"
                                        + " of "
                                        + Downsample.MAX_POINTS / 2
                                        + " equal stretches of time, so every change and peak"
                                        + " stays visible. Readings more than a quarter hour"
                                        + " apart are not joined."))
                .append("</p>\n");
        if (!readings.isEmpty()) {
            timelines(html, readings, rule);
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void timelines(StringBuilder html, List<ResultLine> readings, SoundRule rule) {
        TimelineSvg axis =
                new TimelineSvg(
                        readings.get(0).timestamp, readings.get(readings.size() - 1).timestamp);
        double soundMax = rule.threshold();
        for (ResultLine r : readings) {
            if (r.sound != null) {
                soundMax = Math.max(soundMax, r.sound);
            }
        }
        double soundScale = soundMax > 0 ? soundMax : 1;
        Map<String, List<ResultLine>> byRoom = new TreeMap<>();
        for (ResultLine r : readings) {
            byRoom.computeIfAbsent(r.room, k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<ResultLine>> room : byRoom.entrySet()) {
            List<ResultLine> inRoom = room.getValue();
            String title = "Room " + room.getKey();
            html.append("<h3>").append(Html.escape(title)).append("</h3>\n");
            html.append(
                    axis.draw(
                            title,
                            List.of(
                                    TimelineSvg.Series.lane(
                                            "label", LABEL, inRoom, r -> r.reportedOccupancy),
                                    TimelineSvg.Series.lane(
                                            "room decision", ROOM, inRoom, r -> r.roomOccupancy),
                                    ruleLane(rule, inRoom),
                                    TimelineSvg.Series.line(
                                            "room score",
                                            ROOM,
                                            1,
                                            Double.NaN,
                                            inRoom,
                                            r -> r.roomScore),
                                    soundLine(rule, soundScale, inRoom))));
            Map<String, List<ResultLine>> byDevice = new TreeMap<>();
            for (ResultLine r : inRoom) {
                byDevice.computeIfAbsent(r.thingName, k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<String, List<ResultLine>> device : byDevice.entrySet()) {
                List<ResultLine> own = device.getValue();
                String deviceTitle = "Device " + device.getKey() + " in room " + room.getKey();
                html.append("<h3>").append(Html.escape(deviceTitle)).append("</h3>\n");
                html.append(
                        axis.draw(
                                deviceTitle,
                                List.of(
                                        TimelineSvg.Series.lane(
                                                "label", LABEL, own, r -> r.reportedOccupancy),
                                        TimelineSvg.Series.lane(
                                                "room decision", ROOM, own, r -> r.roomOccupancy),
                                        TimelineSvg.Series.lane(
                                                "device decision",
                                                DEVICE,
                                                own,
                                                r -> r.deviceOccupancy),
                                        ruleLane(rule, own),
                                        TimelineSvg.Series.line(
                                                "probability",
                                                DEVICE,
                                                1,
                                                Double.NaN,
                                                own,
                                                r -> r.probability),
                                        soundLine(rule, soundScale, own))));
            }
        }
    }

    private static TimelineSvg.Series ruleLane(SoundRule rule, List<ResultLine> readings) {
        return TimelineSvg.Series.lane(
                "rule (" + Format.ruleDecision(rule.threshold()) + ")",
                RULE,
                readings,
                r -> r.sound == null ? null : rule.occupied(r.sound));
    }

    private static TimelineSvg.Series soundLine(
            SoundRule rule, double scale, List<ResultLine> readings) {
        return TimelineSvg.Series.line(
                "sound", SOUND, scale, rule.threshold(), readings, r -> r.sound);
    }

    private static String overview(List<ResultLine> readings) {
        if (readings.isEmpty()) {
            return "No results in this run.";
        }
        Map<String, Long> bySource =
                readings.stream()
                        .collect(
                                Collectors.groupingBy(
                                        r -> r.source, TreeMap::new, Collectors.counting()));
        TreeSet<String> versions =
                readings.stream()
                        .map(r -> r.modelVersion)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toCollection(TreeSet::new));
        return Format.count(readings.size())
                + " results from "
                + Instant.ofEpochSecond(readings.get(0).timestamp)
                + " to "
                + Instant.ofEpochSecond(readings.get(readings.size() - 1).timestamp)
                + "; by source: "
                + Format.pairs(bySource)
                + "; versions: "
                + String.join(", ", versions)
                + ".";
    }
}
