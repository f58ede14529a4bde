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
            job.runFor(Duration.ofMillis(3000 + random.nextInt(12_000)));
            job.killAndResume();
        }
        return job.kills + " kill -9 and resume cycles";
    }

    @Override
    boolean holdsToo(ScenarioRun run, RunningJob job, JobLog log) {
        // Each start after a kill resumes: one restore per kill, not a fresh start.
        return log.restores.size() >= job.kills;
    }
}
