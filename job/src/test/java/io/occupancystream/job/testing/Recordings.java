package io.occupancystream.job.testing;

import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds and reads the files that tests replay and that the job writes. */
public final class Recordings {
    private Recordings() {}

    public static String json(
            String thing, long timestamp, double temperature, double sound, Boolean occupied) {
        return ReadingJson.write(new Reading(thing, timestamp, temperature, sound, null, occupied));
    }

    /**
     * A simulated recording (not recorded data): {@code devices} thermostats sending every 30 s for
     * {@code count} steps, occupied in alternate hours.
     */
    public static List<String> simulated(int devices, int count, long start) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = start + 30L * i;
            boolean occupied = (i / 120) % 2 == 0;
            for (int d = 0; d < devices; d++) {
                double sound = occupied ? 12 + (i * 7 + d * 3) % 20 : (i + d) % 4;
                lines.add(json("sim-" + d, t, 68 + (i % 50) / 10.0, sound, occupied));
            }
        }
        return lines;
    }

    public static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines);
        return file;
    }

    /** Lines of the committed part files under a folder (in-progress files are hidden). */
    public static List<String> committedLines(Path folder, String suffix) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : committedFiles(folder, suffix)) {
            lines.addAll(Files.readAllLines(file));
        }
        return lines;
    }

    public static List<Path> committedFiles(Path folder, String suffix) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
