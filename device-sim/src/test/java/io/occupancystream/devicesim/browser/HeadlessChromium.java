package io.occupancystream.devicesim.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driven through chromedriver: register it as a static field
 * with {@code @RegisterExtension}. It starts before the class's first test and quits after its
 * last, so the tests of a class run one after another in the same window.
 *
 * <p>It uses the system's {@code chromium} and {@code chromedriver} from PATH (which {@code
 * .ci/ensure-browser}, run by the build before the tests, installs) and never Selenium Manager, so
 * nothing is downloaded. Every fetch outside loopback goes to a proxy that refuses it, so a page
 * that reaches for the network fails visibly (a console error) instead of depending on it.
 */
public final class HeadlessChromium
        implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {
    /** Where {@link #screenshot} writes, relative to the module (the build's artifact). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * The size of the page's view (the window's inner size), fixed so that layouts and screenshots
     * are the same on every machine.
     */
    public static final Dimension VIEWPORT = new Dimension(1280, 900);

    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * Selenium 4.27 knows the DevTools protocol up to Chromium 131 and warns at every start that it
     * has none for the system's newer one; these tests use WebDriver only, never DevTools. Held
     * here because java.util.logging keeps loggers weakly.
     */
    private static final List<Logger> QUIET =
            List.of(
                    Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
                    Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(onPath("chromedriver"))
                        .usingAnyFreePort()
                        .build();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options =
                new ChromeOptions()
                        .setBinary(onPath("chromium"))
                        .addArguments(
                                "--headless=new",
                                // The build runs as root (CI containers), where Chromium's
                                // sandbox cannot start.
                                "--no-sandbox",
                                // Containers often give /dev/shm only 64 MB.
                                "--disable-dev-shm-usage",
                                // Port 9 (discard) on loopback refuses the connection; loopback
                                // itself (a page's own server) bypasses proxies in Chromium.
                                "--proxy-server=http://127.0.0.1:9",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update");
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driver = new ChromeDriver(service, options);
        // Even headless, Chromium's window is taller than its view by the browser's own frame.
        driver.manage()
                .window()
                .setSize(new Dimension(VIEWPORT.width, VIEWPORT.height + (int) frameHeight()));
    }

    /** A failed test leaves {@code target/screenshots/CLASS.METHOD-failed.png}: what it saw. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        context.getExecutionException()
                .ifPresent(
                        failure -> {
                            try {
                                screenshot(
                                        context.getRequiredTestClass().getSimpleName()
                                                + "."
                                                + context.getRequiredTestMethod().getName()
                                                + "-failed");
                            } catch (IOException | RuntimeException e) {
                                failure.addSuppressed(e);
                            }
                        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** The browser, for finding elements and running scripts. */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Opens the page and waits for its load event; console entries of earlier pages are dropped, so
     * {@link #consoleErrors} are this page's.
     */
    public void open(String url) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(url);
    }

    /** Opens a file as {@code file://}. */
    public void open(Path file) {
        open(file.toAbsolutePath().toUri().toString());
    }

    /** A wait of up to ten seconds, polling the page (never a fixed sleep). */
    public WebDriverWait await() {
        return new WebDriverWait(driver, WAIT);
    }

    /**
     * The text of the element {@code by} finds, found again if the page replaced it between the
     * finding and the reading, as a live page does each time it renders what it polled.
     */
    public String text(By by) {
        return await().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getText());
    }

    /**
     * The console's errors since the page was opened: {@code console.error} calls, uncaught
     * exceptions and failed loads, each as Chromium words it.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    /**
     * The address of everything the page has fetched or tried to fetch (images, scripts, styles,
     * fonts, fetch and XHR requests), from the browser's resource timing entries; the page's own
     * document is not in it. A page served over HTTP without an icon of its own ({@code <link
     * rel="icon" href="data:,">} is one) also has Chromium ask for {@code /favicon.ico}, when it
     * chooses.
     */
    @SuppressWarnings("unchecked")
    public List<String> resourcesFetched() {
        return (List<String>)
                script(
                        "return performance.getEntriesByType('resource')"
                                + ".map(function (e) { return e.name; });");
    }

    /**
     * Saves the whole page (the view made as tall as the document for the shot) to {@code
     * target/screenshots/NAME.png} and returns that file.
     */
    public Path screenshot(String name) throws IOException {
        Dimension window = driver.manage().window().getSize();
        long height = Math.max(VIEWPORT.height, pageHeight()) + frameHeight();
        driver.manage().window().setSize(new Dimension(window.width, (int) height));
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path file = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** The view's inner size (CSS pixels): {@link #VIEWPORT} but while a screenshot is taken. */
    public Dimension viewport() {
        @SuppressWarnings("unchecked")
        List<Long> size = (List<Long>) script("return [window.innerWidth, window.innerHeight];");
        return new Dimension(size.get(0).intValue(), size.get(1).intValue());
    }

    private long frameHeight() {
        return driver.manage().window().getSize().height
                - (Long) script("return window.innerHeight;");
    }

    /** The height of the whole document in CSS pixels, rounded up. */
    public long pageHeight() {
        return (Long)
                script(
                        "return"
                            + " Math.ceil(document.documentElement.getBoundingClientRect().height);");
    }

    /**
     * Runs a script in the page ({@code arguments[i]} are the {@code args}) and returns its value.
     */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    private static File onPath(String command) {
        return Executables.onPath(command)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        command
                                                + " is not on PATH: the browser tests need chromium"
                                                + " and chromedriver of the same version"
                                                + " (.ci/ensure-browser installs them: apt-get"
                                                + " install chromium chromium-driver)"));
    }
}
