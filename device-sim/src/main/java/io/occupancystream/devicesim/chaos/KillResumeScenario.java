package io.occupancystream.devicesim.chaos;

import java.time.Duration;
import java.util.Random;

/**
 * kill -9 of the job's JVM at seeded random moments, each followed by the same command, which must
 * resume from the newest retained checkpoint: nothing lost, nothing twice in the training sets, and
 * results and dead letters repeated only since the checkpoint each resume restored.
 */
final class KillResumeScenario extends Scenario {
    private final int cycles;
    private final Random random;

    KillResumeScenario(int cycles, long seed) {
        this.cycles = cycles;
        this.random = new Random(seed);
    }

    @Override
    String name() {
        return "kill-resume";
    }

    @Override
    String inject(ScenarioRun run, RunningJob job) throws Exception {
        for (int cycle = 0; cycle < cycles; cycle++) {
            // A moment while the job runs: after this launch's first checkpoint, which a loaded
            // machine can take a minute to reach.
            job.awaitCheckpoint(Duration.ofMinutes(3));
            job.runFor(Duration.ofMillis(1000 + random.nextInt(12_000)));
            job.killAndResume();
        }
        JobLog log = run.log();
        return job.kills
                + " kill -9 and resume cycles ("
                + log.restores.size()
                + " restores, "
                + log.freshStartsAfterACheckpoint
                + " fresh starts after a checkpoint)";
    }

    @Override
    boolean holdsToo(ScenarioRun run, RunningJob job, JobLog log) {
        // Once a checkpoint is complete, every start after a kill resumes from one.
        return log.freshStartsAfterACheckpoint == 0;
    }
}
