package io.occupancystream.devicesim.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
