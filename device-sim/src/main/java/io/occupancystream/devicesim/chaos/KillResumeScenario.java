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
    private final Duration longestRun;
    private final Random random;

    /**
     * @param longestRun how long at most each launch runs before the kill, counted from its first
     *     checkpoint or from its job's start (every other launch)
     */
    KillResumeScenario(int cycles, Duration longestRun, long seed) {
        this.cycles = cycles;
        this.longestRun = longestRun;
        this.random = new Random(seed);
    }

    @Override
    String name() {
        return "kill-resume";
    }

    @Override
    String inject(ScenarioRun run, RunningJob job) throws Exception {
        for (int cycle = 0; cycle < cycles; cycle++) {
            // A moment while the job runs, which a loaded machine can take a minute to reach:
            // every other launch after its own first checkpoint (the first, so that there is one
            // to resume from; then each resumes from a checkpoint a resumed launch took), the
            // others after their job's start, before or after a checkpoint.
            if (cycle % 2 == 0) {
                job.awaitCheckpoint(Duration.ofMinutes(3));
            } else {
                job.awaitRunning(Duration.ofMinutes(3));
            }
            job.runFor(Duration.ofMillis(random.nextInt((int) longestRun.toMillis() + 1)));
            job.killAndResume();
        }
        return job.kills + " kill -9 and resume cycles";
    }

    @Override
    boolean holdsToo(ScenarioRun run, RunningJob job, JobLog log) {
        // The first launch is killed after a checkpoint: every start after a kill resumes.
        return log.freshStartsAfterACheckpoint == 0 && log.restores.size() >= job.kills;
    }
}
