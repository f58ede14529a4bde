package io.occupancystream.devicesim.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.devicesim.browser.HeadlessChromium;
import io.occupancystream.job.OccupancyJob;
import io.occupancystream.job.testing.DummyAwsCredentials;
import io.occupancystream.job.testing.TrainedModels;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import picocli.CommandLine;

/**
 * The live view of a real job whose endpoint is down: twenty minutes of the recording replayed by
 * the job with endpoint scoring against a port where nothing listens, so that every reading is
 * decided by the rule as a marked fallback; the page, following the run's folder, says so.
 */
class LiveViewOfAJobWithoutItsEndpointBrowserTest {
    private static final Path RECORDING = Path.of("..", "test-data", "roe-2017-12.jsonl.gz");
    private static final Path CONFIG = Path.of("..", "test-data", "roe-2017-12.properties.json");

    @RegisterExtension static final HeadlessChromium BROWSER = new HeadlessChromium();

    @TempDir static Path dir;
    private static Path out;
    private static LiveView view;

    @BeforeAll
    static void replayWithTheEndpointDownAndStartTheView() throws Exception {
        out = dir.resolve("run");
        DummyAwsCredentials.set();
        try {
            int code =
                    new CommandLine(new OccupancyJob())
                            .execute(
                                    "--config", CONFIG.toString(),
                                    "--replay", RECORDING.toString(),
                                    "--set", "source.replay.since=2017-12-22T08:00:00Z",
                                    "--set", "source.replay.until=2017-12-22T08:20:00Z",
                                    "--scorer", "endpoint",
                                    "--model", TrainedModels.model().toString(),
                                    "--endpoint-url", "http://127.0.0.1:" + closedPort(),
                                    "--set", "scoring.endpoint.region=eu-west-1",
                                    "--set", "scoring.endpoint.startup-check=false",
                                    "--set", "scoring.retry.base-backoff=1 ms",
                                    "--set", "scoring.retry.max-backoff=4 ms",
                                    "--out", out.toString());
            assertThat(code).isZero();
        } finally {
            DummyAwsCredentials.clear();
        }
        ViewCommand command = new ViewCommand();
        new CommandLine(command).parseArgs("--folder", out.toString(), "--port", "0");
        view = command.start();
    }

    @AfterAll
    static void stopTheView() throws Exception {
        if (view != null) {
            view.close();
        }
    }

    @Test
    void everyDecisionShowsAsAFallbackWithTheJobsReason() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long results = summary.at("/results/total").asLong();
        long fallbacks = summary.at("/results/bySource/fallback").asLong();
        assertThat(results).isPositive();
        assertThat(fallbacks).isEqualTo(results);

        BROWSER.open(view.url().toString());

        By decidedBy = By.cssSelector("article[data-room='roe'] .decided-by");
        BROWSER.await()
                .until(
                        ExpectedConditions.textMatches(
                                decidedBy, Pattern.compile("fallback \\([A-Z_]+\\)")));
        BROWSER.await()
                .until(
                        ExpectedConditions.textMatches(
                                By.id("fallback-rate"), Pattern.compile(".*total 100\\.0 %.*")));
        JsonNode byReason = summary.at("/results/fallbacksByReason");
        assertThat(byReason.path("NETWORK_ERROR").asLong()).isPositive();
        String reasons = BROWSER.text(By.id("fallback-reasons"));
        byReason.fields()
                .forEachRemaining(
                        e ->
                                assertThat(reasons)
                                        .contains(e.getKey() + " " + e.getValue().asLong()));
        BROWSER.screenshot("live-view-endpoint-down");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
