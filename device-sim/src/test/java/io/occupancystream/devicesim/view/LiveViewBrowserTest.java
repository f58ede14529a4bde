package io.occupancystream.devicesim.view;

import static io.occupancystream.devicesim.view.Results.fallback;
import static io.occupancystream.devicesim.view.Results.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.devicesim.browser.HeadlessChromium;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import picocli.CommandLine;

/**
 * The live view as a person sees it in Chromium, while results come: {@code bin/device-sim view
 * --folder} on a run's folder into which the test commits part files of simulated results (written
 * by the job's own Result class), as the job's FileSink does at each checkpoint.
 */
class LiveViewBrowserTest {
    private static final long T0 = 1_704_700_800L; // 2024-01-08T08:00:00Z

    @RegisterExtension static final HeadlessChromium BROWSER = new HeadlessChromium();

    @TempDir static Path run;
    private static LiveView view;
    private static int partCounter;

    @BeforeAll
    static void startTheView() throws Exception {
        ViewCommand command = new ViewCommand();
        new CommandLine(command).parseArgs("--folder", run.toString(), "--port", "0");
        view = command.start();
    }

    /** The page with every test's rooms, kept as the build's artifact. */
    @AfterAll
    static void screenshotAndStopTheView() throws Exception {
        try {
            BROWSER.open(view.url().toString());
            BROWSER.await()
                    .until(
                            ExpectedConditions.numberOfElementsToBe(
                                    By.cssSelector("article[data-room]"), 6));
            BROWSER.screenshot("live-view");
        } finally {
            view.close();
        }
    }

    /**
     * Two simulated hours of a room's two devices, a result every 20 s: the score rises and falls
     * as a sine, the label follows it, the sound with it.
     */
    private static Result[] simulatedHours(String room, String... things) {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < 360; i++) {
            double score = 0.5 + 0.45 * Math.sin(i / 40.0);
            for (String thing : things) {
                Result result = model(thing, room, T0 + 20L * i, score);
                result.reportedOccupancy = Math.sin((i - 6) / 40.0) > 0;
                result.sound = 2 + 40 * score;
                results.add(result);
            }
        }
        return results.toArray(new Result[0]);
    }

    /** Commits one part file of results, whole, as the FileSink does at a checkpoint. */
    private static void commit(Result... results) throws Exception {
        Path folder = Files.createDirectories(run.resolve("results"));
        String name = "results-0000-" + partCounter++ + ".jsonl";
        Path inProgress = folder.resolve("." + name + ".inprogress");
        List<String> lines = new ArrayList<>();
        for (Result result : results) {
            lines.add(result.toJson());
        }
        Files.write(inProgress, lines, StandardCharsets.UTF_8);
        Files.move(inProgress, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitText(String room, String selector, String text) {
        By element = By.cssSelector("article[data-room='" + room + "'] " + selector);
        BROWSER.await().until(ExpectedConditions.textToBe(element, text));
    }

    /**
     * The text of an element as shown, read in one script: the page redraws a room's rows as
     * updates come, so an element found a moment before may be gone.
     */
    private static String text(String room, String selector) {
        return (String)
                BROWSER.script(
                        "var e = document.querySelector(arguments[0]);"
                                + " return e === null ? null : e.innerText;",
                        "article[data-room='" + room + "'] " + selector);
    }

    @SuppressWarnings("unchecked")
    private static List<String> things(String room) {
        return (List<String>)
                BROWSER.script(
                        "return Array.from(document.querySelectorAll(arguments[0]))"
                                + ".map(function (row) { return row.dataset.thing; });",
                        "article[data-room='" + room + "'] tr[data-thing]");
    }

    @Test
    void showsTheRoomsTheirDevicesAndTimelinesWhileResultsCome() throws Exception {
        BROWSER.open(view.url().toString());
        commit(simulatedHours("atrium", "a-1", "a-2"));
        commit(model("b-1", "boardroom", T0 + 2, 0.1));

        // The last of the two hours scores 0.69.
        awaitText("atrium", ".decision", "OCCUPIED");
        awaitText("boardroom", ".decision", "EMPTY");
        assertThat(things("atrium")).containsExactly("a-1", "a-2");
        assertThat(text("atrium", ".decided-by")).isEqualTo("model " + Results.MODEL_VERSION);
        assertThat(
                        BROWSER.script(
                                "return document.querySelectorAll("
                                        + "\"article[data-room='atrium'] .chart canvas\").length;"))
                .isEqualTo(1L);
        assertThat(BROWSER.consoleErrors()).isEmpty();
        assertThat(BROWSER.resourcesFetched())
                .allSatisfy(url -> assertThat(url).startsWith(view.url().toString()));
    }

    @Test
    void updatesWithinSecondsWhenADecisionChanges() throws Exception {
        BROWSER.open(view.url().toString());
        commit(model("c-1", "canteen", T0, 0.2));
        awaitText("canteen", ".decision", "EMPTY");

        commit(model("c-1", "canteen", T0 + 60, 0.95));

        // A part file is picked up within a second, pushed within half a second.
        awaitText("canteen", ".decision", "OCCUPIED");
        assertThat(text("canteen", ".facts")).contains("since 2024-01-08 08:01:00Z");
    }

    @Test
    void showsAFallbackAndItsReasonWhenTheEndpointIsDown() throws Exception {
        BROWSER.open(view.url().toString());
        commit(model("d-1", "depot", T0, 0.9));
        awaitText("depot", ".decided-by", "model " + Results.MODEL_VERSION);

        // What the job writes while the endpoint does not answer: the rule decides, marked.
        commit(
                fallback("d-1", "depot", T0 + 10, true, FallbackReason.NETWORK_ERROR),
                fallback("d-1", "depot", T0 + 20, true, FallbackReason.NETWORK_ERROR));

        awaitText("depot", ".decided-by", "fallback (NETWORK_ERROR)");
        assertThat(text("depot", "tr[data-thing='d-1'] td:nth-child(4)"))
                .isEqualTo("fallback (NETWORK_ERROR)");
        BROWSER.await()
                .until(
                        ExpectedConditions.textMatches(
                                By.id("fallback-reasons"),
                                java.util.regex.Pattern.compile(".*NETWORK_ERROR 2.*")));
    }

    @Test
    void aPageOpenedLaterGetsTheWholeBoardAndThenItsUpdates() throws Exception {
        commit(model("f-1", "foyer", T0, 0.9));
        KinesisViewTest.awaitState(
                view, state -> state.get("rooms").findValuesAsText("room").contains("foyer"));
        BROWSER.open(view.url().toString());
        awaitText("foyer", ".decision", "OCCUPIED");

        commit(model("f-1", "foyer", T0 + 30, 0.05));

        awaitText("foyer", ".decision", "EMPTY");
    }

    @Test
    void keepsWorkingAfterTheResultsPauseAndResume() throws Exception {
        BROWSER.open(view.url().toString());
        commit(model("e-1", "entrance", T0, 0.9));
        awaitText("entrance", ".decision", "OCCUPIED");

        // Nothing comes: the page stays connected and the device's age by arrival keeps counting.
        By arrivalAge = By.cssSelector("article[data-room='entrance'] td.arrival-age");
        BROWSER.await()
                .until(
                        ExpectedConditions.textMatches(
                                arrivalAge, java.util.regex.Pattern.compile("[3-9] s")));
        assertThat(BROWSER.text(By.id("connection"))).isEqualTo("live");

        commit(model("e-1", "entrance", T0 + 600, 0.1));
        awaitText("entrance", ".decision", "EMPTY");
        assertThat(text("entrance", "td.arrival-age")).matches("[0-2] s");
    }
}
