package io.occupancystream.devicesim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.job.JobSettings;
import io.occupancystream.job.OccupancyJob;
import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.modelops.report.RunPage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import picocli.CommandLine;

/**
 * The run page ({@code bin/demo}'s {@code run.html}) of a real replay, as a person sees it in
 * Chromium: two hours of the recording (2017-12-22 08:00 to 10:00 UTC, in which the room empties at
 * 08:45:58 and fills again at 09:55:24) replayed by the job with its rule, then the page written
 * from the results and summary.json and opened as a file.
 */
class RunPageBrowserTest {
    private static final Path RECORDING = Path.of("..", "test-data", "roe-2017-12.jsonl.gz");
    private static final Path CONFIG = Path.of("..", "test-data", "roe-2017-12.properties.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension static final HeadlessChromium BROWSER = new HeadlessChromium();

    @TempDir static Path dir;
    private static Path page;
    private static JsonNode summary;

    @BeforeAll
    static void replayAndWriteTheRunPage() throws Exception {
        Path out = dir.resolve("run");
        int code =
                new CommandLine(new OccupancyJob())
                        .execute(
                                "--config",
                                CONFIG.toString(),
                                "--replay",
                                RECORDING.toString(),
                                "--set",
                                "source.replay.since=2017-12-22T08:00:00Z",
                                "--set",
                                "source.replay.until=2017-12-22T10:00:00Z",
                                "--out",
                                out.toString());
        assertThat(code).isZero();
        double rule =
                JobSettings.from(PropertyGroups.fromFile(JobSettings.ALL, CONFIG.toString()))
                        .scoring
                        .ruleSoundThreshold;
        page = dir.resolve("run.html");
        RunPage.write(page, out.resolve("results"), out.resolve("summary.json"), rule);
        summary = MAPPER.readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void showsEveryRoomAndDeviceHeading() {
        BROWSER.open(page);

        List<WebElement> headings = BROWSER.driver().findElements(By.tagName("h3"));

        assertThat(headings.stream().filter(WebElement::isDisplayed).map(WebElement::getText))
                .containsExactly(
                        "Per device",
                        "Per room",
                        "Room roe",
                        "Device roe-s1 in room roe",
                        "Device roe-s2 in room roe",
                        "Device roe-s3 in room roe",
                        "Device roe-s4 in room roe");
    }

    @Test
    void drawsEveryTimelineAtItsSizeWithTheLabelAcrossTheWholeRun() {
        BROWSER.open(page);

        List<WebElement> timelines = BROWSER.driver().findElements(By.tagName("svg"));

        assertThat(timelines).hasSize(5);
        for (WebElement svg : timelines) {
            Rectangle drawn = svg.getRect();
            assertThat(drawn.getWidth()).isEqualTo(Integer.parseInt(svg.getAttribute("width")));
            assertThat(drawn.getHeight()).isEqualTo(Integer.parseInt(svg.getAttribute("height")));
            assertThat(drawn.getHeight()).isPositive();
            // Every device reported at the run's first and last instant: the label's lane runs
            // the whole axis, from x 190 to 1080.
            Object labelWidth =
                    BROWSER.script(
                            "return arguments[0].querySelector("
                                    + "'g[data-series=\"label\"] polyline').getBBox().width;",
                            svg);
            assertThat(((Number) labelWidth).doubleValue()).isEqualTo(890.0);
        }
    }

    @Test
    void metricsTablesShowTheSummarysFigures() {
        BROWSER.open(page);

        // Each data row's cells as rendered (innerText): place, decider, then the figures.
        @SuppressWarnings("unchecked")
        List<List<String>> shown =
                (List<List<String>>)
                        BROWSER.script(
                                "return Array.from(document.querySelectorAll("
                                        + "'table.metrics tr'))"
                                        + ".filter(function (r) { return r.querySelector('td'); })"
                                        + ".map(function (r) { return Array.from(r.cells)"
                                        + ".map(function (c) { return c.innerText; }); });");

        List<List<String>> expected = new ArrayList<>();
        for (String scope : List.of("byDevice", "byRoom")) {
            summary.get("againstLabels")
                    .get(scope)
                    .fields()
                    .forEachRemaining(
                            place ->
                                    place.getValue()
                                            .fields()
                                            .forEachRemaining(
                                                    decider ->
                                                            expected.add(
                                                                    row(place.getKey(), decider))));
        }
        // Four devices and one room, each judged as device, room and rule.
        assertThat(expected).hasSize(15);
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void loadsWithoutConsoleErrorsAndFetchesNothing() {
        BROWSER.open(page);

        assertThat(BROWSER.consoleErrors()).isEmpty();
        assertThat(BROWSER.resourcesFetched()).isEmpty();
    }

    @Test
    void screenshotShowsTheWholePage() throws Exception {
        BROWSER.open(page);
        long pageHeight = BROWSER.pageHeight();

        Path shot = BROWSER.screenshot("run-page");

        assertThat(shot).isEqualTo(HeadlessChromium.SCREENSHOTS.resolve("run-page.png"));
        BufferedImage image = ImageIO.read(Files.newInputStream(shot));
        assertThat(image.getWidth()).isEqualTo(HeadlessChromium.VIEWPORT.width);
        assertThat((long) image.getHeight()).isEqualTo(pageHeight);
    }

    /** A table row as the page should show it: place, decider, then each figure as written. */
    private static List<String> row(String place, Map.Entry<String, JsonNode> decider) {
        List<String> row = new ArrayList<>(List.of(place, decider.getKey()));
        decider.getValue().forEach(v -> row.add(v.isNull() ? "n/a" : v.asText()));
        return row;
    }
}
