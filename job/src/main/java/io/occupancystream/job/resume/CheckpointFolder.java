package io.occupancystream.job.resume;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The checkpoints of a local run, {@code <run folder>/checkpoints}: Flink's {@code <job
 * id>/chk-<n>} folders of each run that used it, the savepoints of stopped runs ({@code
 * savepoint-*}), and a {@code finished} marker once a bounded run ended by itself. A checkpoint is
 * complete once its {@code _metadata} exists (Flink writes it last); the folders of a checkpoint a
 * killed run was still taking have none and are ignored.
 */
public final class CheckpointFolder {
    /** The folder's name in the run folder. */
    public static final String NAME = "checkpoints";

    static final String METADATA = "_metadata";
    static final String FINISHED = "finished";
    private static final String CHECKPOINT_PREFIX = "chk-";
    private static final String SAVEPOINT_PREFIX = "savepoint-";

    private final Path dir;

    private CheckpointFolder(Path dir) {
        this.dir = dir;
    }

    /** The checkpoints of the run whose outputs go to {@code runFolder} (a path or a URI). */
    public static CheckpointFolder under(String runFolder) {
        Path path = new Path(runFolder, NAME);
        if (path.toUri().getScheme() == null) {
            path = new Path(java.nio.file.Path.of(path.toUri().getPath()).toAbsolutePath().toUri());
        }
        return new CheckpointFolder(path);
    }

    /** The folder as a URI, for Flink's checkpoint and savepoint directories. */
    public String uri() {
        return dir.toUri().toString();
    }

    /** Every complete checkpoint and savepoint here, the newest first. */
    public List<RetainedCheckpoint> complete() throws IOException {
        List<RetainedCheckpoint> found = new ArrayList<>();
        for (FileStatus child : list(dir)) {
            if (!child.isDir()) {
                continue;
            }
            Path path = child.getPath();
            if (path.getName().startsWith(SAVEPOINT_PREFIX)) {
                completed(path, true).ifPresent(found::add);
            } else {
                for (FileStatus checkpoint : list(path)) {
                    if (checkpoint.isDir()
                            && checkpoint.getPath().getName().startsWith(CHECKPOINT_PREFIX)) {
                        completed(checkpoint.getPath(), false).ifPresent(found::add);
                    }
                }
            }
        }
        found.sort(
                Comparator.comparing((RetainedCheckpoint c) -> c.taken)
                        .thenComparing(c -> c.path.toString())
                        .reversed());
        return found;
    }

    public Optional<RetainedCheckpoint> newestComplete() throws IOException {
        return complete().stream().findFirst();
    }

    /** When a run here last ended by itself (a replay that reached its end), if one did. */
    public Optional<Instant> finishedAt() throws IOException {
        Path marker = new Path(dir, FINISHED);
        FileSystem fs = dir.getFileSystem();
        return fs.exists(marker)
                ? Optional.of(Instant.ofEpochMilli(fs.getFileStatus(marker).getModificationTime()))
                : Optional.empty();
    }

    /**
     * Records that the run ended by itself. Flink deletes a finished job's checkpoints, so without
     * the marker the same command would start the run over and write its outputs twice.
     */
    public void markFinished() throws IOException {
        FileSystem fs = dir.getFileSystem();
        fs.mkdirs(dir);
        fs.create(new Path(dir, FINISHED), FileSystem.WriteMode.OVERWRITE).close();
    }

    /**
     * Deletes all but the {@code keep} newest complete checkpoints and savepoints, and what killed
     * runs left half-written, so that repeated crashes do not fill the disk. Only while no job uses
     * the folder: a running job's next checkpoint would look half-written.
     */
    public void keepNewest(int keep) throws IOException {
        List<RetainedCheckpoint> all = complete();
        Set<Path> kept = new HashSet<>();
        all.subList(0, Math.min(keep, all.size())).forEach(c -> kept.add(c.path));
        FileSystem fs = dir.getFileSystem();
        for (FileStatus child : list(dir)) {
            Path path = child.getPath();
            if (!child.isDir() || kept.contains(path)) {
                continue;
            }
            boolean keepsOne = false;
            if (!path.getName().startsWith(SAVEPOINT_PREFIX)) {
                for (FileStatus checkpoint : list(path)) {
                    Path chk = checkpoint.getPath();
                    if (kept.contains(chk)) {
                        keepsOne = true;
                    } else if (chk.getName().startsWith(CHECKPOINT_PREFIX)) {
                        fs.delete(chk, true);
                    }
                }
            }
            if (!keepsOne) {
                fs.delete(path, true);
            }
        }
    }

    private static Optional<RetainedCheckpoint> completed(Path folder, boolean savepoint)
            throws IOException {
        Path metadata = new Path(folder, METADATA);
        FileSystem fs = folder.getFileSystem();
        if (!fs.exists(metadata)) {
            return Optional.empty();
        }
        Instant taken = Instant.ofEpochMilli(fs.getFileStatus(metadata).getModificationTime());
        return Optional.of(new RetainedCheckpoint(folder, taken, savepoint));
    }

    private static FileStatus[] list(Path folder) throws IOException {
        FileSystem fs = folder.getFileSystem();
        if (!fs.exists(folder)) {
            return new FileStatus[0];
        }
        FileStatus[] children = fs.listStatus(folder);
        return children == null ? new FileStatus[0] : children;
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
