package io.occupancystream.devicesim.chaos;

import io.occupancystream.devicesim.simulate.SimulationSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Seeded fuzzed records ({@link FuzzRecords}) through the Kinesis path as fast as the input
 * stream's shards take them: the job must not fail or restart once, and every record must come back
 * as a result or as a dead letter, exactly one of the two.
 */
final class FuzzScenario {
    /** The share of huge records (64 KiB to 1 MiB) in {@code bin/chaos}'s fuzzing. */
    static final double HUGE_SHARE = 0.0005;

    private final long records;
    private final long seed;
    private final double hugeShare;

    FuzzScenario(long records, long seed, double hugeShare) {
        this.records = records;
        this.seed = seed;
        this.hugeShare = hugeShare;
    }

    String name() {
        return "fuzz";
    }

    ScenarioReport run(ChaosSettings settings) throws Exception {
        long start = System.nanoTime();
        long first = SimulationSettings.DEFAULT_START.getEpochSecond();
        FuzzRecords fuzz = new FuzzRecords(seed, first, hugeShare);
        try (ScenarioRun run = ScenarioRun.start(settings, name())) {
            ScenarioRun.Settled settled;
            JobLog log;
            int ends;
            try (RunningJob job = new RunningJob(run)) {
                InputFeeder feeder = run.feed(fuzz::next, 0, records);
                List<ChaosRecord> put;
                try {
                    while (feeder.running()) {
                        job.runFor(Duration.ofSeconds(1));
                    }
                    put = feeder.finish();
                } finally {
                    feeder.close();
                }
                settled = run.settle(put, null, job);
                log = run.log();
                ends = job.unexpectedEnds;
            }
            OutputCheck check = settled.check;
            long crashes = log.restarts + log.failures + ends;
            String figures =
                    String.format(
                            Locale.ROOT,
                            "%d fuzzed records; crashes %d (restarts %d, failed %d, JVM ends %d);"
                                    + " %s",
                            check.fuzzed,
                            crashes,
                            log.restarts,
                            log.failures,
                            ends,
                            check.figures());
            return new ScenarioReport(
                    name(),
                    crashes == 0 && check.holds(),
                    figures,
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
