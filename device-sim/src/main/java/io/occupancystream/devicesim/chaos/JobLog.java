package io.occupancystream.devicesim.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the job's logs (see {@link JobLauncher}) say about checkpoints and restores: Flink's
 * CheckpointCoordinator logs each completed checkpoint and each restore with the checkpoint's
 * trigger time, the job's status changes, and the job's model circuit breakers each change of
 * state; each line starts with its time in epoch ms.
 */
final class JobLog {
    private static final Pattern STAMP = Pattern.compile("^(\\d+) ");
    private static final Pattern TRIGGERING =
            Pattern.compile("Triggering checkpoint (\\d+) .* @ (\\d+) for job");
    private static final Pattern COMPLETED = Pattern.compile("Completed checkpoint (\\d+) for job");
    private static final Pattern RESTORING =
            Pattern.compile("Restoring job \\S+ from [A-Za-z ]+ (\\d+) @ (\\d+)");
    private static final Pattern RESTARTING =
            Pattern.compile("switched from state \\w+ to RESTARTING");
    private static final Pattern FAILED = Pattern.compile("switched from state \\w+ to FAILED");
    private static final Pattern FRESH = Pattern.compile("OccupancyJob - Starting fresh");
    private static final Pattern BREAKER =
            Pattern.compile("CircuitBreaker - Model circuit breaker (\\w+ -> \\w+)");

    /** A restore: when it happened, and when the checkpoint it restored was triggered. */
    static final class Restore {
        final long atMillis;
        final long checkpointId;
        final long checkpointTriggeredMillis;

        Restore(long atMillis, long checkpointId, long checkpointTriggeredMillis) {
            this.atMillis = atMillis;
            this.checkpointId = checkpointId;
            this.checkpointTriggeredMillis = checkpointTriggeredMillis;
        }
    }

    final List<Restore> restores = new ArrayList<>();
    int completedCheckpoints;

    /** Launches that started over although a checkpoint had completed before: lost progress. */
    int freshStartsAfterACheckpoint;

    int restarts;
    int failures;

    /** The model circuit breakers' changes of state ("CLOSED -> OPEN"...), over all subtasks. */
    final Map<String, Integer> breakerTransitions = new TreeMap<>();

    /** Reads the logs in the order the job ran. */
    static JobLog read(List<Path> logs) throws IOException {
        JobLog log = new JobLog();
        // A retained checkpoint restored by path is logged as "Savepoint N @ 0": its trigger
        // time comes from the earlier launch that took it.
        Map<Long, Long> triggered = new HashMap<>();
        for (Path file : logs) {
            long lastStamp = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                Matcher stamp = STAMP.matcher(line);
                if (stamp.find()) {
                    lastStamp = Long.parseLong(stamp.group(1));
                }
                Matcher restoring = RESTORING.matcher(line);
                Matcher triggering = TRIGGERING.matcher(line);
                Matcher breaker = BREAKER.matcher(line);
                if (restoring.find()) {
                    long id = Long.parseLong(restoring.group(1));
                    long at = Long.parseLong(restoring.group(2));
                    log.restores.add(
                            new Restore(
                                    lastStamp,
                                    id,
                                    at > 0 ? at : triggered.getOrDefault(id, Long.MAX_VALUE)));
                } else if (triggering.find()) {
                    triggered.put(
                            Long.parseLong(triggering.group(1)),
                            Long.parseLong(triggering.group(2)));
                } else if (COMPLETED.matcher(line).find()) {
                    log.completedCheckpoints++;
                } else if (FRESH.matcher(line).find() && log.completedCheckpoints > 0) {
                    log.freshStartsAfterACheckpoint++;
                } else if (breaker.find()) {
                    log.breakerTransitions.merge(breaker.group(1), 1, Integer::sum);
                } else if (RESTARTING.matcher(line).find()) {
                    log.restarts++;
                } else if (FAILED.matcher(line).find()) {
                    log.failures++;
                }
            }
        }
        return log;
    }

    /**
     * Whether an output first written at {@code firstMillis} and again at {@code againMillis} may
     * be there twice: only when a restore came between them, from a checkpoint triggered before the
     * first copy was written (so the checkpoint did not cover it).
     */
    boolean allowsRepeat(long firstMillis, long againMillis) {
        for (Restore restore : restores) {
            if (restore.atMillis >= firstMillis
                    && restore.atMillis <= againMillis
                    && firstMillis >= restore.checkpointTriggeredMillis) {
                return true;
            }
        }
        return false;
    }
}
