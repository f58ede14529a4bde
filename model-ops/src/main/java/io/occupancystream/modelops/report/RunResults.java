package io.occupancystream.modelops.report;

import io.occupancystream.model.results.ResultLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a job's results folder (JSON lines, any depth) into results ordered by time. Lines are read
 * by {@link ResultLine}, under the same rules as the live view: a line it rejects stops the page
 * with its file and line number, since a page drawn with a made-up timestamp or thing name would
 * show a run that did not happen.
 */
final class RunResults {
    private RunResults() {}

    /**
     * Every result in the folder's part files, by timestamp then thing name. Files whose name
     * starts with a dot are the file sink's in-progress or pending parts, not yet committed, and
     * are left out.
     *
     * @throws IllegalArgumentException naming the file and line of the first line that is not a
     *     result
     */
    static List<ResultLine> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString());
        }
        List<Path> parts;
        try (Stream<Path> files = Files.walk(folder)) {
            parts =
                    files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .collect(Collectors.toList());
        }
        List<ResultLine> results = new ArrayList<>();
        for (Path part : parts) {
            try (BufferedReader lines = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        results.add(parse(part, number, line));
                    }
                }
            }
        }
        results.sort(
                Comparator.comparingLong((ResultLine r) -> r.timestamp)
                        .thenComparing(r -> r.thingName));
        return results;
    }

    private static ResultLine parse(Path part, int number, String line) {
        try {
            return ResultLine.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(part + ":" + number + ": " + e.getMessage(), e);
        }
    }
}
