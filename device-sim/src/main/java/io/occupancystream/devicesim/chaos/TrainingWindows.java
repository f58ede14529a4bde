package io.occupancystream.devicesim.chaos;

import io.occupancystream.job.features.FeatureCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Training rows compared window by window: the SHA-256 of each window's rows sorted, and where the
 * hashes differ, the rows lost and the rows there more often than expected.
 */
final class TrainingWindows {
    final int windows;
    final long rows;
    final long lost;
    final long duplicated;
    final int windowsDiffering;

    private TrainingWindows(int windows, long rows, long lost, long duplicated, int differing) {
        this.windows = windows;
        this.rows = rows;
        this.lost = lost;
        this.duplicated = duplicated;
        this.windowsDiffering = differing;
    }

    static TrainingWindows compare(
            Map<String, List<String>> expected, Map<String, List<String>> actual) {
        long rows = 0;
        long lost = 0;
        long duplicated = 0;
        int differing = 0;
        TreeSet<String> all = new TreeSet<>(expected.keySet());
        all.addAll(actual.keySet());
        for (String window : all) {
            List<String> want = expected.getOrDefault(window, List.of());
            List<String> got = actual.getOrDefault(window, List.of());
            rows += want.size();
            if (hash(want).equals(hash(got))) {
                continue;
            }
            differing++;
            Map<String, Integer> counts = new HashMap<>();
            want.forEach(row -> counts.merge(row, 1, Integer::sum));
            got.forEach(row -> counts.merge(row, -1, Integer::sum));
            for (int difference : counts.values()) {
                if (difference > 0) {
                    lost += difference;
                } else {
                    duplicated -= difference;
                }
            }
        }
        return new TrainingWindows(expected.size(), rows, lost, duplicated, differing);
    }

    static long rowCount(Map<String, List<String>> windows) {
        return windows.values().stream().mapToLong(List::size).sum();
    }

    /** The committed rows of a local run's training folder by window folder. */
    static Map<String, List<String>> fromFolder(Path training) throws IOException {
        Map<String, List<String>> windows = new TreeMap<>();
        List<Path> parts;
        try (Stream<Path> files = Files.walk(training)) {
            parts =
                    files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .collect(Collectors.toList());
        }
        for (Path part : parts) {
            String window = training.relativize(part.getParent()).toString();
            List<String> rows = windows.computeIfAbsent(window, w -> new ArrayList<>());
            for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                if (!line.isEmpty() && !line.equals(FeatureCsv.header())) {
                    rows.add(line);
                }
            }
        }
        return windows;
    }

    private static String hash(List<String> rows) {
        List<String> sorted = new ArrayList<>(rows);
        sorted.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String row : sorted) {
                sha.update(row.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : sha.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
