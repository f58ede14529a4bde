package io.occupancystream.devicesim.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading checkpoints and restores from the job's logs, and which repeats they allow. */
class JobLogTest {
    private static final List<String> FIRST_RUN =
            List.of(
                    "900 INFO  OccupancyJob - Starting fresh: no complete checkpoint in"
                            + " file:/run/checkpoints",
                    "1000 INFO  CheckpointCoordinator - Triggering checkpoint 1"
                            + " (type=CheckpointType{name='Checkpoint',"
                            + " sharingFilesStrategy=FORWARD_BACKWARD}) @ 1000 for job abc.",
                    "1100 INFO  CheckpointCoordinator - Completed checkpoint 1 for job abc (9000"
                            + " bytes, checkpointDuration=100 ms, finalizationTime=2 ms).",
                    "2000 INFO  CheckpointCoordinator - Triggering checkpoint 2"
                            + " (type=CheckpointType{name='Checkpoint',"
                            + " sharingFilesStrategy=FORWARD_BACKWARD}) @ 2000 for job abc.",
                    "2100 INFO  CheckpointCoordinator - Completed checkpoint 2 for job abc (9000"
                            + " bytes, checkpointDuration=100 ms, finalizationTime=2 ms).");
    private static final List<String> RESUMED_RUN =
            List.of(
                    "5000 INFO  OccupancyJob - Resuming from checkpoint /run/checkpoints/abc/chk-2",
                    "5200 INFO  CheckpointCoordinator - Restoring job def from Savepoint 2 @ 0"
                            + " for def located at file:/run/checkpoints/abc/chk-2.",
                    "6000 INFO  DefaultExecutionGraph - Job occupancy-stream (def) switched from"
                            + " state RUNNING to RESTARTING.",
                    "6100 INFO  CheckpointCoordinator - Restoring job def from Checkpoint 3 @ 5500"
                            + " for def located at file:/run/checkpoints/def/chk-3.",
                    "7000 WARN  CircuitBreaker - Model circuit breaker CLOSED -> OPEN after 5"
                            + " consecutive failures (last: SERVER_ERROR); readings are scored"
                            + " by the rule for 10000 ms",
                    "7100 WARN  CircuitBreaker - Model circuit breaker CLOSED -> OPEN after 5"
                            + " consecutive failures (last: THROTTLED); readings are scored by"
                            + " the rule for 10000 ms",
                    "17000 INFO  CircuitBreaker - Model circuit breaker OPEN -> HALF_OPEN",
                    "17100 INFO  CircuitBreaker - Model circuit breaker HALF_OPEN -> CLOSED");

    @Test
    void readsCompletedCheckpointsRestoresAndRestartsAcrossRuns(@TempDir Path dir)
            throws Exception {
        JobLog log = read(dir);

        assertThat(log.completedCheckpoints).isEqualTo(2);
        assertThat(log.freshStartsAfterACheckpoint).isZero();
        assertThat(log.restarts).isEqualTo(1);
        assertThat(log.failures).isZero();
        assertThat(log.restores)
                .extracting(
                        r -> r.atMillis + "/" + r.checkpointId + "@" + r.checkpointTriggeredMillis)
                .containsExactly("5200/2@2000", "6100/3@5500");
    }

    @Test
    void countsTheCircuitBreakersChangesOfStateByKind(@TempDir Path dir) throws Exception {
        JobLog log = read(dir);

        assertThat(log.breakerTransitions)
                .containsExactly(
                        entry("CLOSED -> OPEN", 2),
                        entry("HALF_OPEN -> CLOSED", 1),
                        entry("OPEN -> HALF_OPEN", 1));
    }

    @Test
    void allowsARepeatOnlyOfWhatTheRestoredCheckpointDidNotCover(@TempDir Path dir)
            throws Exception {
        JobLog log = read(dir);

        // written after checkpoint 2 was triggered, again after the resume from it
        assertThat(log.allowsRepeat(2500, 5300)).isTrue();
        // written before checkpoint 2 was triggered: covered by it, never again
        assertThat(log.allowsRepeat(1500, 5300)).isFalse();
        // twice with no restore between the copies
        assertThat(log.allowsRepeat(2500, 4000)).isFalse();
        // after checkpoint 3's trigger, again after the restart that restored it
        assertThat(log.allowsRepeat(5600, 6200)).isTrue();
        assertThat(log.allowsRepeat(5400, 6200)).isFalse();
    }

    @Test
    void countsAFreshStartAfterACheckpointHadCompleted(@TempDir Path dir) throws Exception {
        JobLog log =
                JobLog.read(
                        List.of(
                                Files.write(dir.resolve("job-1.log"), FIRST_RUN),
                                Files.write(
                                        dir.resolve("job-2.log"),
                                        List.of(
                                                "5000 INFO  OccupancyJob - Starting fresh: no"
                                                        + " complete checkpoint in file:/run"))));

        assertThat(log.freshStartsAfterACheckpoint).isEqualTo(1);
        assertThat(log.restores).isEmpty();
    }

    private static JobLog read(Path dir) throws Exception {
        return JobLog.read(
                List.of(
                        Files.write(dir.resolve("job-1.log"), FIRST_RUN),
                        Files.write(dir.resolve("job-2.log"), RESUMED_RUN)));
    }
}
