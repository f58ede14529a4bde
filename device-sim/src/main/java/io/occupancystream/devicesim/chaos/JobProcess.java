package io.occupancystream.devicesim.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The job running in a JVM of its own (see {@link JobLauncher}). */
final class JobProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    JobProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** SIGKILL, as a crash or the kernel's out-of-memory killer ends a JVM: no shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 if still running after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? process.exitValue()
                : -1;
    }

    /** Whether a line of this launch's log matches {@code pattern}. */
    boolean logContains(Pattern pattern) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> pattern.matcher(line).find());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
