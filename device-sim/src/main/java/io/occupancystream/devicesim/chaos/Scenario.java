package io.occupancystream.devicesim.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario on the live path: the job runs on a fresh local stack while seeded simulated readings
 * (with bad records among them) go into the input stream at the fixed rate and {@link #inject} does
 * its faults; then the outputs are checked against the known input ({@link OutputCheck}) and the
 * training rows window by window against a failure-free replay of the same readings.
 */
abstract class Scenario {
    /** One bad record after this many readings. */
    static final int BAD_EVERY = 50;

    abstract String name();

    /**
     * Injects the faults while readings flow, returning their figures; {@code job} must be kept
     * running (see {@link RunningJob#runFor}).
     */
    abstract String inject(ScenarioRun run, RunningJob job) throws Exception;

    /** Invariants of the scenario beyond the outputs' (true if none). */
    boolean holdsToo(ScenarioRun run, RunningJob job, JobLog log) {
        return true;
    }

    ScenarioReport run(ChaosSettings settings) throws Exception {
        long start = System.nanoTime();
        try (ScenarioRun run = ScenarioRun.start(settings, name())) {
            SeededInput input = new SeededInput(settings.seed, settings.devices, BAD_EVERY);
            String faults;
            List<ChaosRecord> put;
            ScenarioRun.Settled settled;
            Map<String, List<String>> reference;
            JobLog log;
            boolean holdsToo;
            int unexpectedEnds;
            try (RunningJob job = new RunningJob(run)) {
                InputFeeder feeder = run.feed(input::next, settings.rate, Long.MAX_VALUE);
                try {
                    // Faults from the job's first checkpoint on: a loaded machine can take a
                    // minute to start it, and faults before then would miss it.
                    job.awaitCheckpoint(Duration.ofMinutes(5));
                    job.runFor(Duration.ofSeconds(5));
                    faults = inject(run, job);
                    job.runFor(Duration.ofSeconds(5));
                    put = feeder.finish();
                } finally {
                    feeder.close();
                }
                reference = run.referenceTraining(put);
                settled = run.settle(put, reference, job);
                log = run.log();
                holdsToo = holdsToo(run, job, log);
                unexpectedEnds = job.unexpectedEnds;
            }
            TrainingWindows training = TrainingWindows.compare(reference, settled.training);
            OutputCheck check = settled.check;
            boolean holds =
                    holdsToo
                            && check.holds()
                            && training.lost == 0
                            && training.duplicated == 0
                            && training.windowsDiffering == 0;
            String figures =
                    String.format(
                            Locale.ROOT,
                            "%s; training windows %d, rows %d: lost %d, duplicated %d, windows"
                                    + " differing %d; %s; job: %d checkpoints, %d restores,"
                                    + " %d fresh starts after a checkpoint, %d restarts, %d"
                                    + " failed, %d ended and started again;"
                                    + " breaker transitions %s",
                            faults,
                            training.windows,
                            training.rows,
                            training.lost,
                            training.duplicated,
                            training.windowsDiffering,
                            check.figures(),
                            log.completedCheckpoints,
                            log.restores.size(),
                            log.freshStartsAfterACheckpoint,
                            log.restarts,
                            log.failures,
                            unexpectedEnds,
                            log.breakerTransitions.isEmpty()
                                    ? "none"
                                    : log.breakerTransitions.toString());
            return new ScenarioReport(name(), holds, figures, (System.nanoTime() - start) / 1e9);
        }
    }
}
