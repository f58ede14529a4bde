package io.occupancystream.devicesim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/ensure-browser}, which the build runs before the tests, on a PATH of stand-ins: a
 * {@code chromium} and {@code chromedriver} that print a version, an {@code apt-get} that writes
 * down how it was called and, on {@code install}, puts both on PATH (or fails while it has no
 * package lists), an {@code id} and a {@code sudo}. Nothing is installed for real.
 */
class EnsureBrowserScriptTest {
    private static final Path SCRIPT = Path.of("..", ".ci", "ensure-browser");
    private static final String VERSION = "150.0.7871.100";
    private static final String INSTALL =
            "apt-get -y -q install --no-install-recommends chromium chromium-driver";

    @TempDir Path dir;
    private Path bin;
    private Path calls;

    @BeforeEach
    void path() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls");
        Files.createFile(calls);
        for (String tool : List.of("bash", "env", "grep", "head", "true", "touch", "chmod")) {
            Files.createSymbolicLink(
                    bin.resolve(tool), Executables.onPath(tool).orElseThrow().toPath());
        }
        user(0);
    }

    @Test
    void doesNothingWhenBothAreThereAtTheSameVersion() throws Exception {
        browser(VERSION);
        driver(VERSION);
        aptGet(true);

        Run run = run();

        assertThat(run.exit).isZero();
        assertThat(run.output)
                .isEqualTo("ensure-browser: chromium and chromedriver 150.0.7871.100\n");
        assertThat(calls()).isEmpty();
    }

    @Test
    void failsWhenTheirVersionsDiffer() throws Exception {
        browser(VERSION);
        driver("131.0.6778.85");

        Run run = run();

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output)
                .startsWith(
                        "ensure-browser: chromium ("
                                + bin.resolve("chromium")
                                + ", version '150.0.7871.100') and chromedriver ("
                                + bin.resolve("chromedriver")
                                + ", version '131.0.6778.85') differ.\n");
    }

    @Test
    void installsBothAsRootWhenTheDriverIsMissing() throws Exception {
        browser(VERSION);
        aptGet(true);

        Run run = run();

        assertThat(run.exit).isZero();
        assertThat(calls()).containsExactly(INSTALL);
        assertThat(run.output)
                .isEqualTo(
                        "ensure-browser: installing chromium chromium-driver with apt-get\n"
                                + "ensure-browser: chromium and chromedriver 150.0.7871.100\n");
    }

    @Test
    void updatesThePackageListsWhenTheFirstInstallFails() throws Exception {
        aptGet(false);

        Run run = run();

        assertThat(run.exit).isZero();
        assertThat(calls()).containsExactly(INSTALL, "apt-get -y -q update", INSTALL);
    }

    @Test
    void installsThroughSudoWhenNotRoot() throws Exception {
        user(1000);
        stub("sudo", "echo \"sudo $*\" >> " + calls + "\nshift\nexec \"$@\"");
        aptGet(true);

        Run run = run();

        assertThat(run.exit).isZero();
        assertThat(calls())
                .containsExactly(
                        "sudo -n true",
                        "sudo -n env DEBIAN_FRONTEND=noninteractive " + INSTALL,
                        INSTALL);
    }

    @Test
    void failsSayingWhatToInstallWhenItCannotInstall() throws Exception {
        user(1000);
        aptGet(true);

        Run run = run();

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output)
                .isEqualTo(
                        "ensure-browser: chromium or chromedriver is missing, and installing them"
                                + " needs root (not root, no password-less sudo).\n"
                                + "ensure-browser: the browser tests need chromium and"
                                + " chromedriver of the same version on PATH; on Debian or"
                                + " Ubuntu: apt-get install chromium chromium-driver (as root).\n");
        assertThat(calls()).isEmpty();
    }

    @Test
    void failsWithoutAptGet() throws Exception {
        Run run = run();

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output)
                .startsWith(
                        "ensure-browser: chromium or chromedriver is missing, and there is no"
                                + " apt-get.\n");
    }

    private void user(int uid) throws IOException {
        stub("id", "echo " + uid);
    }

    private void browser(String version) throws IOException {
        stub("chromium", "echo 'Chromium " + version + " built on Debian GNU/Linux 12 (bookworm)'");
    }

    private void driver(String version) throws IOException {
        stub(
                "chromedriver",
                "echo 'ChromeDriver " + version + " (b5a9b587b835-refs/branch-heads/7871)'");
    }

    /**
     * An apt-get whose install puts both on PATH; without package lists ({@code hasLists} false)
     * install fails until {@code apt-get update} has run.
     */
    private void aptGet(boolean hasLists) throws IOException {
        Path lists = dir.resolve("lists");
        if (hasLists) {
            Files.createFile(lists);
        }
        stub(
                "apt-get",
                "echo \"apt-get $*\" >> "
                        + calls
                        + "\ncase \"$3\" in\n"
                        + "  update) touch "
                        + lists
                        + " ;;\n"
                        + "  install)\n"
                        + "    [ -e "
                        + lists
                        + " ] || exit 100\n"
                        + "    printf '#!"
                        + bin.resolve("bash")
                        + "\\necho Chromium "
                        + VERSION
                        + "\\n' > "
                        + bin.resolve("chromium")
                        + "\n    printf '#!"
                        + bin.resolve("bash")
                        + "\\necho ChromeDriver "
                        + VERSION
                        + "\\n' > "
                        + bin.resolve("chromedriver")
                        + "\n    chmod +x "
                        + bin.resolve("chromium")
                        + " "
                        + bin.resolve("chromedriver")
                        + " ;;\nesac");
    }

    private void stub(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!" + bin.resolve("bash") + "\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(calls);
    }

    private Run run() throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(bin.resolve("bash").toString(), SCRIPT.toString())
                        .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static final class Run {
        final int exit;
        final String output;

        Run(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }
    }
}
