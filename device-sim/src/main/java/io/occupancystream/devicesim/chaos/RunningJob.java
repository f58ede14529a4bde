package io.occupancystream.devicesim.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The job of a scenario as its user runs it: when it ends without being told to (its restarts used
 * up), the same command starts it again, which resumes from its newest checkpoint; such ends are
 * counted. Kills by the harness are counted apart.
 */
final class RunningJob implements AutoCloseable {
    private static final long STEP_MILLIS = 250;
    private static final Pattern CHECKPOINTED =
            Pattern.compile("CheckpointCoordinator - Completed checkpoint");
    private static final Pattern RUNNING =
            Pattern.compile("ExecutionGraph - Job .* switched from state CREATED to RUNNING");

    private final ScenarioRun run;
    private JobProcess process;
    int kills;
    int unexpectedEnds;

    RunningJob(ScenarioRun run) throws IOException {
        this.run = run;
        this.process = run.startJob();
    }

    /** Waits {@code duration}, starting the job again whenever it has ended. */
    void runFor(Duration duration) throws IOException, InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                unexpectedEnds++;
                process = run.startJob();
            }
            Thread.sleep(Math.min(STEP_MILLIS, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    /**
     * Waits until this launch of the job has completed a checkpoint (so it runs, and a kill now has
     * something to resume from), at most {@code max}.
     */
    void awaitCheckpoint(Duration max) throws IOException, InterruptedException {
        awaitLine(CHECKPOINTED, max);
    }

    /** Waits until this launch's job runs (restored, if it resumes), at most {@code max}. */
    void awaitRunning(Duration max) throws IOException, InterruptedException {
        awaitLine(RUNNING, max);
    }

    private void awaitLine(Pattern line, Duration max) throws IOException, InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end && !process.logContains(line)) {
            runFor(Duration.ofMillis(STEP_MILLIS));
        }
    }

    /** kill -9 of the job's JVM, then the same command again. */
    void killAndResume() throws IOException, InterruptedException {
        process.kill();
        kills++;
        process = run.startJob();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
