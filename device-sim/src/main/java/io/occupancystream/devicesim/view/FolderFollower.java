package io.occupancystream.devicesim.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Follows one of a run's output folders ({@code results/}, {@code dead-letters/}): each poll reads
 * the part files committed since the last, whole, in the order the job wrote them (by part
 * counter). In-progress files (names starting with a dot) are left until the job commits them at a
 * checkpoint; a committed file never changes, so each is read once. The arrival time of its lines
 * is the file's modification time, when the job committed it. A folder that does not exist yet
 * holds nothing.
 */
final class FolderFollower implements PollLoop.Poll {
    private static final Pattern PART_COUNTER = Pattern.compile("-(\\d+)\\.[^.]*$");

    private final Path folder;
    private final LineSink sink;
    private final Set<String> read = new HashSet<>();

    FolderFollower(Path folder, LineSink sink) {
        this.folder = folder;
        this.sink = sink;
    }

    @Override
    public void poll() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> committed = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .filter(f -> !read.contains(f.getFileName().toString()))
                    .forEach(committed::add);
        }
        committed.sort(
                Comparator.comparingLong(FolderFollower::partCounter)
                        .thenComparing(f -> f.getFileName().toString()));
        for (Path file : committed) {
            long arrival = Files.getLastModifiedTime(file).toMillis();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    sink.accept(line, arrival);
                }
            }
            read.add(file.getFileName().toString());
        }
    }

    /** The part counter of {@code <prefix>-<uuid>-<counter>.jsonl}; 0 for other names. */
    static long partCounter(Path file) {
        Matcher counter = PART_COUNTER.matcher(file.getFileName().toString());
        return counter.find() ? Long.parseLong(counter.group(1)) : 0;
    }
}
