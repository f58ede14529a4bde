package io.occupancystream.devicesim.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.devicesim.delivery.Pacer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a run's output folder as the job's FileSink commits part files. */
class FolderFollowerTest {
    @TempDir Path dir;

    private final List<String> lines = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();

    private FolderFollower follower() {
        return new FolderFollower(
                dir,
                (line, arrival) -> {
                    lines.add(line);
                    arrivals.add(arrival);
                });
    }

    private static void write(Path file, String... lines) throws Exception {
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }

    /** As the FileSink commits: the whole file appears at once under its final name. */
    private void commit(String name, String... lines) throws Exception {
        Path inProgress = dir.resolve("." + name + ".inprogress");
        write(inProgress, lines);
        Files.move(inProgress, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void readsEachCommittedPartFileOnceInTheOrderTheJobWroteThem() throws Exception {
        FolderFollower follower = follower();
        write(dir.resolve("results-aaaa-10.jsonl"), "a10");
        write(dir.resolve("results-bbbb-2.jsonl"), "b2-1", "", "b2-2");
        write(dir.resolve("results-aaaa-9.jsonl"), "a9");
        Files.setLastModifiedTime(
                dir.resolve("results-aaaa-9.jsonl"), FileTime.fromMillis(1_700_000_000_000L));

        follower.poll();
        assertThat(lines).containsExactly("b2-1", "b2-2", "a9", "a10");
        assertThat(arrivals.get(2)).isEqualTo(1_700_000_000_000L);

        follower.poll();
        assertThat(lines).hasSize(4);
    }

    @Test
    void inProgressDotFilesWaitUntilTheJobCommitsThem() throws Exception {
        FolderFollower follower = follower();
        Path inProgress = dir.resolve(".results-aaaa-0.jsonl.inprogress.1234");
        write(inProgress, "r1", "r2");

        follower.poll();
        assertThat(lines).isEmpty();

        // The FileSink commits at a checkpoint by renaming the in-progress file.
        Files.move(inProgress, dir.resolve("results-aaaa-0.jsonl"));
        write(dir.resolve(".results-aaaa-1.jsonl.inprogress.5678"), "r3");
        follower.poll();
        assertThat(lines).containsExactly("r1", "r2");
    }

    @Test
    void aFolderThatIsNotThereYetHoldsNothingUntilItIs() throws Exception {
        List<String> seen = new ArrayList<>();
        Path later = dir.resolve("dead-letters");
        FolderFollower follower = new FolderFollower(later, (line, arrival) -> seen.add(line));

        follower.poll();
        Files.createDirectory(later);
        write(later.resolve("dead-letters-cccc-0.jsonl"), "d1");
        follower.poll();

        assertThat(seen).containsExactly("d1");
    }

    @Test
    void aPollLoopPicksUpFilesCommittedWhileItRuns() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        List<String> seen = new ArrayList<>();
        RoomBoard board = new RoomBoard(ViewSettings.defaults(), System::currentTimeMillis);
        Thread loop =
                new PollLoop(
                                "folder",
                                new FolderFollower(
                                        dir,
                                        (line, arrival) -> {
                                            synchronized (seen) {
                                                seen.add(line);
                                            }
                                            three.countDown();
                                        }),
                                board,
                                Duration.ofMillis(20),
                                Pacer.Sleeper.THREAD)
                        .start();
        try {
            commit("results-aaaa-0.jsonl", "r1");
            commit("results-aaaa-1.jsonl", "r2", "r3");

            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.interrupt();
            loop.join();
        }
        assertThat(seen).containsExactly("r1", "r2", "r3");
        assertThat(board.snapshot(0).get("sources").get("folder").get("error").isNull()).isTrue();
    }
}
