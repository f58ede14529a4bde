package io.occupancystream.modelops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a job's results folder (JSON lines, any depth) into readings ordered by time. */
final class RunResults {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunResults() {}

    /**
     * Every result in the folder's part files, by timestamp then thing name. Files whose name
     * starts with a dot are the file sink's in-progress or pending parts, not yet committed, and
     * are left out.
     */
    static List<RunReading> read(Path folder) throws IOException {
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
        List<RunReading> readings = new ArrayList<>();
        for (Path part : parts) {
            try (Stream<String> lines = Files.lines(part, StandardCharsets.UTF_8)) {
                lines.filter(line -> !line.isBlank())
                        .forEach(line -> readings.add(RunReading.of(parse(line))));
            }
        }
        readings.sort(
                Comparator.comparingLong((RunReading r) -> r.timestamp)
                        .thenComparing(r -> r.thingName));
        return readings;
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
