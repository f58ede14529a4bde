package io.occupancystream.devicesim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.testing.TrainedModels;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reliability harness's small versions, so that a regression fails the build: a few kill -9 /
 * resume cycles of the job's JVM on the local stack, and 10,000 fuzzed records through the Kinesis
 * path. The long runs are {@code bin/chaos}'s (docs/reliability.md).
 */
class ChaosHarnessTest {
    private static final long SEED = 7;

    /** The run folders and the job's logs stay for a look after a failure. */
    private static final Path OUT = Path.of("target", "chaos");

    private static Path model;

    @BeforeAll
    static void trainModel() {
        model = TrainedModels.model();
    }

    private static ChaosSettings settings(Path out) throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        return new ChaosSettings(
                SEED,
                40,
                3,
                model,
                out,
                Path.of("kinesalite"),
                new JobLauncher(
                        System.getProperty("java.class.path"),
                        home,
                        Path.of("target", "plugins"),
                        out),
                Duration.ofSeconds(1),
                Duration.ofSeconds(120));
    }

    @Test
    void killedJobResumesWithNothingLostAndRepeatsOnlySinceItsCheckpoint() throws Exception {
        ScenarioReport report =
                new KillResumeScenario(3, Duration.ofSeconds(4), SEED).run(settings(OUT));

        assertThat(report.figures).startsWith("3 kill -9 and resume cycles; ");
        assertThat(report.holds).as(report.line()).isTrue();
    }

    @Test
    void everyFuzzedRecordBecomesAResultOrADeadLetterWithoutACrash() throws Exception {
        ScenarioReport report = new FuzzScenario(10_000, SEED, 0).run(settings(OUT));

        assertThat(report.figures).startsWith("10000 fuzzed records; crashes 0 ");
        assertThat(report.holds).as(report.line()).isTrue();
    }
}
