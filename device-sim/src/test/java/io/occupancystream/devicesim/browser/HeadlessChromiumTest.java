package io.occupancystream.devicesim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The browser tests' own checks can fail: each is shown catching what it is there to catch. */
class HeadlessChromiumTest {
    @RegisterExtension static final HeadlessChromium BROWSER = new HeadlessChromium();

    @TempDir Path dir;

    @Test
    void consoleErrorsAreTheOpenedPagesOwn() throws IOException {
        Path broken =
                page(
                        "broken.html",
                        "<script>console.log('fine'); console.error('broken', 1);</script>");
        Path quiet = page("quiet.html", "<p>quiet</p>");

        BROWSER.open(broken);
        BROWSER.open(quiet);
        assertThat(BROWSER.consoleErrors()).isEmpty();

        BROWSER.open(broken);
        assertThat(BROWSER.consoleErrors()).containsExactly(broken.toUri() + " 0:99 \"broken\" 1");
    }

    @Test
    void uncaughtExceptionIsAConsoleError() throws IOException {
        Path page = page("throws.html", "<script>null.x;</script>");

        BROWSER.open(page);

        assertThat(BROWSER.consoleErrors())
                .containsExactly(
                        page.toUri()
                                + " 0:75 Uncaught TypeError: Cannot read properties of null"
                                + " (reading 'x')");
    }

    @Test
    void fetchBeyondLoopbackIsRefusedListedAndAConsoleError() throws IOException {
        Path page = page("remote.html", "<img src=\"http://example.com/pixel.png\">");

        BROWSER.open(page);

        assertThat(BROWSER.resourcesFetched()).containsExactly("http://example.com/pixel.png");
        assertThat(BROWSER.consoleErrors())
                .containsExactly(
                        "http://example.com/pixel.png - Failed to load resource:"
                                + " net::ERR_PROXY_CONNECTION_FAILED");
    }

    @Test
    void pageOnALoopbackServerFetchesFromItDirectly() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    boolean data = exchange.getRequestURI().getPath().equals("/data.json");
                    byte[] body =
                            (data
                                            ? "{\"room\":\"lab\"}"
                                            : "<!DOCTYPE html><link rel=\"icon\" href=\"data:,\">"
                                                    + "<p id=\"room\"></p><script>"
                                                    + "fetch('/data.json').then(function (r) {"
                                                    + " return r.json(); }).then(function (d) {"
                                                    + " document.getElementById('room')"
                                                    + ".textContent = d.room; });</script>")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .set("Content-Type", data ? "application/json" : "text/html");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
        try {
            String origin = "http://127.0.0.1:" + server.getAddress().getPort();

            BROWSER.open(origin + "/");

            BROWSER.await().until(ExpectedConditions.textToBe(By.id("room"), "lab"));
            assertThat(BROWSER.resourcesFetched()).containsExactly(origin + "/data.json");
            assertThat(BROWSER.consoleErrors()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void awaitPollsUntilThePageChanges() throws IOException {
        BROWSER.open(
                page(
                        "later.html",
                        "<script>setTimeout(function () {"
                                + " document.body.insertAdjacentHTML('beforeend',"
                                + " '<p id=\"late\">here</p>'); }, 300);</script>"));

        assertThat(
                        BROWSER.await()
                                .until(ExpectedConditions.visibilityOfElementLocated(By.id("late")))
                                .getText())
                .isEqualTo("here");
    }

    @Test
    void screenshotIsTheWholePageAndTheViewKeepsItsSize() throws IOException {
        BROWSER.open(page("tall.html", "<div style=\"height:3000px\">tall</div>"));

        Path shot = BROWSER.screenshot("headless-chromium-tall-page");

        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(HeadlessChromium.VIEWPORT.width);
        // 3000 and the body's default margin of 8 above and below.
        assertThat(image.getHeight()).isEqualTo(3016);
        assertThat(BROWSER.viewport()).isEqualTo(HeadlessChromium.VIEWPORT);
    }

    @Test
    void failedTestLeavesAScreenshotOfWhatItSaw() throws IOException {
        Path shot =
                HeadlessChromium.SCREENSHOTS.resolve(
                        "FailsOnPurpose.findsNoSuchHeading-failed.png");
        Files.deleteIfExists(shot);
        SummaryGeneratingListener listener = new SummaryGeneratingListener();

        FailsOnPurpose.launched = true;
        try {
            LauncherFactory.create()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(DiscoverySelectors.selectClass(FailsOnPurpose.class))
                                    .build(),
                            listener);
        } finally {
            FailsOnPurpose.launched = false;
        }

        assertThat(listener.getSummary().getTestsFailedCount()).isEqualTo(1);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(HeadlessChromium.VIEWPORT.width);
        assertThat(image.getHeight()).isEqualTo(HeadlessChromium.VIEWPORT.height);
    }

    /**
     * Runs only when the test above launches it: surefire leaves nested classes out, but a {@code
     * -Dtest} pattern can select one.
     */
    @EnabledIf("launchedByTheTest")
    static class FailsOnPurpose {
        static volatile boolean launched;

        static boolean launchedByTheTest() {
            return launched;
        }

        @RegisterExtension static final HeadlessChromium BROWSER = new HeadlessChromium();

        @Test
        void findsNoSuchHeading() {
            BROWSER.open("data:text/html,<h1>shown</h1>");

            assertThat(BROWSER.driver().findElements(By.tagName("h2"))).isNotEmpty();
        }
    }

    private Path page(String name, String body) throws IOException {
        return Files.writeString(
                dir.resolve(name),
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                        + body
                        + "</body></html>");
    }
}
