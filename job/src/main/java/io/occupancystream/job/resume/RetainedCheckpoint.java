package io.occupancystream.job.resume;

import java.time.Instant;
import org.apache.flink.core.fs.Path;

/**
 * A complete checkpoint or savepoint that a run left behind: a folder with its {@code _metadata}.
 */
public final class RetainedCheckpoint {
    /** The checkpoint's folder, what Flink's {@code execution.savepoint.path} takes. */
    public final Path path;

    /** When its {@code _metadata} was written. */
    public final Instant taken;

    public final boolean savepoint;

    RetainedCheckpoint(Path path, Instant taken, boolean savepoint) {
        this.path = path;
        this.taken = taken;
        this.savepoint = savepoint;
    }

    public String kind() {
        return savepoint ? "savepoint" : "checkpoint";
    }

    @Override
    public String toString() {
        return kind() + " " + path + " (taken " + taken + ")";
    }
}
