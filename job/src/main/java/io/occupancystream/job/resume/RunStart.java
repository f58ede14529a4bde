package io.occupancystream.job.resume;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.SavepointConfigOptions;

/**
 * How a local run starts: from the newest complete checkpoint or savepoint its folder holds, fresh,
 * or not at all because the run already ended by itself. {@link #describe()} is the one line the
 * job logs about it.
 */
public final class RunStart {
    private final RetainedCheckpoint checkpoint;
    private final boolean finished;
    private final String description;

    private RunStart(RetainedCheckpoint checkpoint, boolean finished, String description) {
        this.checkpoint = checkpoint;
        this.finished = finished;
        this.description = description;
    }

    /**
     * What the checkpoints in {@code folder} say: resume from the newest complete one, unless the
     * run finished after it was taken; fresh when there is none.
     */
    public static RunStart decide(CheckpointFolder folder) throws IOException {
        Optional<RetainedCheckpoint> newest = folder.newestComplete();
        Optional<Instant> finishedAt = folder.finishedAt();
        if (finishedAt.isPresent()
                && (newest.isEmpty() || !newest.get().taken.isAfter(finishedAt.get()))) {
            return new RunStart(
                    null,
                    true,
                    "The run with checkpoints in "
                            + folder
                            + " finished at "
                            + finishedAt.get()
                            + ": nothing to resume (--fresh runs it again)");
        }
        if (newest.isPresent()) {
            RetainedCheckpoint c = newest.get();
            return new RunStart(
                    c,
                    false,
                    "Resuming from " + c.kind() + " " + c.path + " (taken " + c.taken + ")");
        }
        return fresh("no complete checkpoint in " + folder);
    }

    /** A start from nothing, for the reason given. */
    public static RunStart fresh(String reason) {
        return new RunStart(null, false, "Starting fresh: " + reason);
    }

    /** The checkpoint or savepoint the run resumes from, if it resumes. */
    public Optional<RetainedCheckpoint> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    /** True when the run ended by itself before: there is nothing left to do. */
    public boolean finished() {
        return finished;
    }

    public String describe() {
        return description;
    }

    /**
     * Makes the job restore from the checkpoint, if any. Flink then refuses state that no operator
     * of the job takes, unless {@code allowNonRestoredState}.
     */
    public void applyTo(Configuration conf, boolean allowNonRestoredState) {
        if (checkpoint != null) {
            conf.set(SavepointConfigOptions.SAVEPOINT_PATH, checkpoint.path.toString());
            conf.set(
                    SavepointConfigOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, allowNonRestoredState);
        }
    }
}
