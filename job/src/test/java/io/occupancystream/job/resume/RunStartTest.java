package io.occupancystream.job.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which checkpoint a local run resumes from, in the layout Flink leaves: {@code <job id>/chk-<n>}
 * folders and {@code savepoint-*} folders, complete once their {@code _metadata} is written.
 */
class RunStartTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir Path run;

    @Test
    void emptyFolderStartsFresh() throws IOException {
        RunStart start = RunStart.decide(folder());

        assertThat(start.checkpoint()).isEmpty();
        assertThat(start.finished()).isFalse();
        assertThat(start.describe())
                .isEqualTo("Starting fresh: no complete checkpoint in " + folder());
    }

    @Test
    void resumesFromTheNewestCompleteCheckpointIgnoringOnesWithoutMetadata() throws IOException {
        complete("aaaa/chk-7", T);
        complete("bbbb/chk-3", T.plusSeconds(20));
        complete("bbbb/chk-2", T.plusSeconds(10));
        Files.createDirectories(checkpoints().resolve("bbbb/chk-4"));
        Files.writeString(checkpoints().resolve("bbbb/chk-4/op-state"), "half");
        Files.createDirectories(checkpoints().resolve("bbbb/shared"));

        RunStart start = RunStart.decide(folder());

        assertThat(start.describe())
                .isEqualTo(
                        "Resuming from checkpoint "
                                + uri("bbbb/chk-3")
                                + " (taken 2026-12-01T10:00:20Z)");
        assertThat(start.checkpoint().orElseThrow().savepoint).isFalse();
    }

    @Test
    void aNewerSavepointWinsOverCheckpoints() throws IOException {
        complete("bbbb/chk-3", T);
        complete("savepoint-bbbb-0123456789ab", T.plusSeconds(1));

        RunStart start = RunStart.decide(folder());

        assertThat(start.describe())
                .isEqualTo(
                        "Resuming from savepoint "
                                + uri("savepoint-bbbb-0123456789ab")
                                + " (taken 2026-12-01T10:00:01Z)");
        assertThat(start.checkpoint().orElseThrow().savepoint).isTrue();
    }

    @Test
    void aRunThatFinishedAfterItsLastCheckpointHasNothingToResume() throws IOException {
        complete("bbbb/chk-3", T);
        folder().markFinished();
        Files.setLastModifiedTime(
                checkpoints().resolve(CheckpointFolder.FINISHED), FileTime.from(T.plusSeconds(5)));

        RunStart start = RunStart.decide(folder());

        assertThat(start.finished()).isTrue();
        assertThat(start.checkpoint()).isEmpty();
        assertThat(start.describe())
                .isEqualTo(
                        "The run with checkpoints in "
                                + folder()
                                + " finished at 2026-12-01T10:00:05Z: nothing to resume (--fresh"
                                + " runs it again)");
    }

    @Test
    void keepsTheNewestCheckpointsAndDropsOlderOnesAndHalfWrittenOnes() throws IOException {
        complete("aaaa/chk-7", T);
        complete("aaaa/chk-8", T.plusSeconds(1));
        Files.createDirectories(checkpoints().resolve("aaaa/chk-9"));
        complete("savepoint-aaaa-0123456789ab", T.plusSeconds(2));
        complete("bbbb/chk-9", T.plusSeconds(3));
        complete("bbbb/chk-10", T.plusSeconds(4));
        Files.createDirectories(checkpoints().resolve("bbbb/chk-11"));
        Files.createDirectories(checkpoints().resolve("cccc/chk-1"));

        folder().keepNewest(3);

        assertThat(tree())
                .containsExactly(
                        "bbbb",
                        "bbbb/chk-10",
                        "bbbb/chk-10/_metadata",
                        "bbbb/chk-9",
                        "bbbb/chk-9/_metadata",
                        "savepoint-aaaa-0123456789ab",
                        "savepoint-aaaa-0123456789ab/_metadata");
    }

    private CheckpointFolder folder() {
        return CheckpointFolder.under(run.toString());
    }

    private Path checkpoints() {
        return run.resolve(CheckpointFolder.NAME);
    }

    private String uri(String checkpoint) {
        return "file:" + checkpoints().resolve(checkpoint);
    }

    private void complete(String checkpoint, Instant taken) throws IOException {
        Path dir = Files.createDirectories(checkpoints().resolve(checkpoint));
        Path metadata = Files.writeString(dir.resolve(CheckpointFolder.METADATA), "metadata");
        Files.setLastModifiedTime(metadata, FileTime.from(taken));
    }

    private List<String> tree() throws IOException {
        try (Stream<Path> all = Files.walk(checkpoints())) {
            return all.filter(p -> !p.equals(checkpoints()))
                    .map(p -> checkpoints().relativize(p).toString())
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
