package io.occupancystream.modelops.data;

import io.occupancystream.model.ModelCard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every training-set CSV under a folder, as the job writes them: a header of identity columns
 * ({@link ModelCard#ID_COLUMNS}, optional), feature columns and the target, one folder per window
 * ({@code dt=2017-12-22/hour=05[/minute=15]}, UTC). Files in progress (names starting with {@code
 * .} or {@code _}) are skipped. All files must have the same header; every value must be a finite
 * number and every label true or false, else a {@link TrainingDataException} names the file and
 * line. Rows come in window order and, within a window, in the order of their text, and the data
 * hash is over that content: the same rows give the same training set and hash however they were
 * split into part files.
 */
public final class TrainingSetReader {
    private static final Pattern WINDOW =
            Pattern.compile("dt=(\\d{4}-\\d{2}-\\d{2})/hour=(\\d{2})(?:/minute=(\\d{2}))?");

    private final String target;
    private final Instant since;
    private final Instant until;

    /**
     * @param since only windows starting at or after this instant; null for no limit
     * @param until only windows starting before this instant; null for no limit
     */
    public TrainingSetReader(String target, Instant since, Instant until) {
        this.target = target;
        this.since = since;
        this.until = until;
    }

    public TrainingSet read(Path folder) throws IOException {
        List<CsvFile> files = listFiles(folder);
        if (files.isEmpty()) {
            throw new TrainingDataException(
                    "no training-set CSV files under " + folder + window(" in the windows "));
        }
        String header = null;
        Path headerFile = null;
        List<Row> rows = new ArrayList<>();
        int targetColumn = -1;
        Identity identity = null;
        for (CsvFile file : files) {
            byte[] bytes = Files.readAllBytes(file.path);
            try (BufferedReader lines =
                    new BufferedReader(
                            new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
                String fileHeader = lines.readLine();
                if (fileHeader == null) {
                    continue;
                }
                if (header == null) {
                    header = fileHeader;
                    headerFile = file.path;
                    targetColumn = targetColumn(header, file.path);
                    identity = new Identity(header);
                } else if (!header.equals(fileHeader)) {
                    throw new TrainingDataException(
                            file.path
                                    + ": header differs from "
                                    + headerFile
                                    + "\n  expected: "
                                    + header
                                    + "\n  found:    "
                                    + fileHeader);
                }
                int columns = header.split(",", -1).length;
                String line;
                int lineNumber = 1;
                while ((line = lines.readLine()) != null) {
                    lineNumber++;
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] cells = line.split(",", -1);
                    String where = file.path + " line " + lineNumber;
                    if (cells.length != columns) {
                        throw new TrainingDataException(
                                where + ": " + cells.length + " values, the header has " + columns);
                    }
                    rows.add(
                            new Row(
                                    file.windowStart,
                                    line,
                                    identity.of(cells, file.windowStart, where),
                                    features(cells, targetColumn, identity, header, where),
                                    label(cells[targetColumn], where)));
                }
            }
        }
        if (header == null) {
            throw new TrainingDataException(
                    "the training-set files under " + folder + " are empty");
        }
        // The job writes a window as several part files with random names, so file order is not
        // data: ordering rows by their text within a window makes the same rows the same set.
        rows.sort(Comparator.<Row>comparingLong(r -> r.windowStart).thenComparing(r -> r.line));
        List<String> columnNames = Arrays.asList(header.split(",", -1));
        List<String> features = new ArrayList<>();
        for (int c = 0; c < columnNames.size(); c++) {
            if (c != targetColumn && !identity.isIdentity(c)) {
                features.add(columnNames.get(c));
            }
        }
        int columns = features.size();
        float[] values = new float[rows.size() * columns];
        boolean[] labels = new boolean[rows.size()];
        long[] windows = new long[rows.size()];
        long[] timestamps = new long[rows.size()];
        String[] things = new String[rows.size()];
        String[] rooms = new String[rows.size()];
        double[] sounds = new double[rows.size()];
        MessageDigest digest = Sha256.digest();
        digest.update((header + "\n").getBytes(StandardCharsets.UTF_8));
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            System.arraycopy(row.features, 0, values, r * columns, columns);
            labels[r] = row.label;
            windows[r] = row.windowStart;
            timestamps[r] = row.id.timestamp;
            things[r] = row.id.thing;
            rooms[r] = row.id.room;
            sounds[r] = row.id.sound;
            digest.update(
                    (row.windowStart + ":" + row.line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new TrainingSet(
                features,
                target,
                values,
                labels,
                windows,
                timestamps,
                things,
                rooms,
                sounds,
                files.size(),
                "sha256:" + Sha256.hex(digest.digest()));
    }

    private int targetColumn(String header, Path file) {
        int column = Arrays.asList(header.split(",", -1)).indexOf(target);
        if (column < 0) {
            throw new TrainingDataException(
                    file + ": the header has no target column '" + target + "': " + header);
        }
        return column;
    }

    private static float[] features(
            String[] cells, int targetColumn, Identity identity, String header, String where) {
        float[] row = new float[cells.length - 1 - identity.columns()];
        int c = 0;
        for (int i = 0; i < cells.length; i++) {
            if (i == targetColumn || identity.isIdentity(i)) {
                continue;
            }
            float value;
            try {
                value = Float.parseFloat(cells[i]);
            } catch (NumberFormatException e) {
                value = Float.NaN;
            }
            if (!Float.isFinite(value)) {
                throw new TrainingDataException(
                        where
                                + ": column '"
                                + header.split(",", -1)[i]
                                + "' is '"
                                + cells[i]
                                + "', not a finite number");
            }
            row[c++] = value;
        }
        return row;
    }

    private boolean label(String cell, String where) {
        switch (cell) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw new TrainingDataException(
                        where + ": " + target + " is '" + cell + "', not true or false");
        }
    }

    private List<CsvFile> listFiles(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            throw new TrainingDataException("training data folder " + folder + " does not exist");
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .filter(p -> !hidden(folder.relativize(p)))
                    .map(p -> new CsvFile(p, windowStart(folder.relativize(p))))
                    .filter(f -> since == null || f.windowStart >= since.toEpochMilli())
                    .filter(f -> until == null || f.windowStart < until.toEpochMilli())
                    .sorted(
                            Comparator.<CsvFile>comparingLong(f -> f.windowStart)
                                    .thenComparing(f -> f.path.toString()))
                    .collect(Collectors.toList());
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** The window start a file's folders name; files outside window folders sort first. */
    static long windowStart(Path relative) {
        Matcher m = WINDOW.matcher(relative.toString().replace('\\', '/'));
        if (!m.find()) {
            return Long.MIN_VALUE;
        }
        long minutes = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return LocalDate.parse(m.group(1))
                .atTime(Integer.parseInt(m.group(2)), (int) minutes)
                .toInstant(ZoneOffset.UTC)
                .toEpochMilli();
    }

    private String window(String prefix) {
        if (since == null && until == null) {
            return "";
        }
        return prefix
                + "["
                + (since == null ? "" : since)
                + ", "
                + (until == null ? "" : until)
                + ")";
    }

    private static final class Row {
        final long windowStart;
        final String line;
        final RowId id;
        final float[] features;
        final boolean label;

        Row(long windowStart, String line, RowId id, float[] features, boolean label) {
            this.windowStart = windowStart;
            this.line = line;
            this.id = id;
            this.features = features;
            this.label = label;
        }
    }

    private static final class CsvFile {
        final Path path;
        final long windowStart;

        CsvFile(Path path, long windowStart) {
            this.path = path;
            this.windowStart = windowStart;
        }
    }
}
