package io.occupancystream.job.resume;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * What {@code --fresh} does with an earlier run: its checkpoints and file outputs move, whole, to
 * {@code <run folder>/earlier-runs/<UTC time>/}, so that the new run's outputs are not mixed with
 * them and nothing is deleted.
 */
public final class EarlierRun {
    public static final String FOLDER = "earlier-runs";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private EarlierRun() {}

    /**
     * Moves those of {@code entries} (paths relative to {@code runFolder}) that exist; returns the
     * folder they went to, if any did.
     */
    public static Optional<Path> moveAside(String runFolder, List<String> entries, Instant now)
            throws IOException {
        Path run = new Path(runFolder);
        Path target = new Path(run, FOLDER + "/" + STAMP.format(now));
        FileSystem fs = run.getFileSystem();
        boolean moved = false;
        for (String entry : entries) {
            Path from = new Path(run, entry);
            if (fs.exists(from)) {
                Path to = new Path(target, entry);
                fs.mkdirs(to.getParent());
                if (!fs.rename(from, to)) {
                    throw new IOException("could not move " + from + " to " + to);
                }
                moved = true;
            }
        }
        return moved ? Optional.of(target) : Optional.empty();
    }
}
