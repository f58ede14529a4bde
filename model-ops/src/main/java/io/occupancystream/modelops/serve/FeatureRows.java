package io.occupancystream.modelops.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rows to send to an endpoint: CSV lines of a model's feature values in the model's order, from
 * training-set CSV files or made up. Immutable.
 */
final class FeatureRows {
    private final List<String> lines;
    private final String source;

    private FeatureRows(List<String> lines, String source) {
        this.lines = List.copyOf(lines);
        this.source = source;
    }

    /**
     * Up to {@code limit} rows of the CSV file, or of the {@code *.csv} files under the folder in
     * name order (skipping names that start with '.', which are files still being written). Each
     * file starts with a header that names every feature; other columns, the target among them, are
     * dropped.
     */
    static FeatureRows fromCsv(Path fileOrDir, List<String> features, int limit)
            throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(fileOrDir)) {
            files =
                    paths.filter(Files::isRegularFile)
                            .filter(
                                    path -> {
                                        String name = path.getFileName().toString();
                                        return name.endsWith(".csv") && !name.startsWith(".");
                                    })
                            .sorted()
                            .collect(Collectors.toList());
        }
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            if (lines.size() >= limit) {
                break;
            }
            readInto(lines, file, features, limit);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(
                    "no rows in the " + files.size() + " CSV files in " + fileOrDir);
        }
        return new FeatureRows(
                lines, lines.size() + " rows of " + files.size() + " CSV files in " + fileOrDir);
    }

    /**
     * {@code count} (at least 1) rows of deterministic values in [0, 100), not readings of any
     * room.
     */
    static FeatureRows synthetic(List<String> features, int count, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < features.size(); column++) {
                line.append(column == 0 ? "" : ",").append(random.nextInt(100_000) / 1000.0);
            }
            lines.add(line.toString());
        }
        return new FeatureRows(lines, count + " synthetic rows (seed " + seed + ")");
    }

    int size() {
        return lines.size();
    }

    String source() {
        return source;
    }

    /** A {@code text/csv} request body of {@code rows} rows from row {@code first} on, wrapping. */
    byte[] body(int first, int rows) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            body.append(lines.get((first + i) % lines.size())).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void readInto(List<String> lines, Path file, List<String> features, int limit)
            throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                return;
            }
            List<String> columns = Arrays.asList(header.split(",", -1));
            int[] picked = new int[features.size()];
            for (int i = 0; i < picked.length; i++) {
                picked[i] = columns.indexOf(features.get(i));
                if (picked[i] < 0) {
                    throw new IllegalArgumentException(
                            file
                                    + " has no column "
                                    + features.get(i)
                                    + " (header: "
                                    + header
                                    + ")");
                }
            }
            String line;
            int lineNumber = 1;
            while (lines.size() < limit && (line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] values = line.split(",", -1);
                if (values.length != columns.size()) {
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + lineNumber
                                    + " has "
                                    + values.length
                                    + " values, the header "
                                    + columns.size());
                }
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < picked.length; i++) {
                    row.append(i == 0 ? "" : ",").append(values[picked[i]]);
                }
                lines.add(row.toString());
            }
        }
    }
}
