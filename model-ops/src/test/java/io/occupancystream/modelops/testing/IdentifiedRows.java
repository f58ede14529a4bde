package io.occupancystream.modelops.testing;

import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.data.TrainingSetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small training sets with identity columns, as the job writes them ({@code
 * timestamp,thing_name,room,sound}), one feature ({@code p} unless named) and the target, read back
 * by {@link TrainingSetReader}: one CSV in each hour's window folder. Each row's value is both its
 * sound and its feature.
 */
public final class IdentifiedRows {
    public static final String HEADER = "timestamp,thing_name,room,sound,p,roomoccupancy";

    private final String header;

    public IdentifiedRows() {
        this("p");
    }

    /** Rows whose one feature is the column {@code feature}. */
    public IdentifiedRows(String feature) {
        header = HEADER.replace(",p,", "," + feature + ",");
    }

    private static final DateTimeFormatter WINDOW =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hour='HH").withZone(ZoneOffset.UTC);

    private final Map<String, List<String>> windows = new TreeMap<>();

    /** Adds a row: epoch seconds, thing, room, the value (sound and feature p), label. */
    public IdentifiedRows row(long timestamp, String thing, String room, double value, boolean o) {
        windows.computeIfAbsent(
                        WINDOW.format(Instant.ofEpochSecond(timestamp)), w -> new ArrayList<>())
                .add(timestamp + "," + thing + "," + room + "," + value + "," + value + "," + o);
        return this;
    }

    public TrainingSet read(Path dir) throws IOException {
        for (Map.Entry<String, List<String>> w : windows.entrySet()) {
            Path file = dir.resolve(w.getKey()).resolve("part-0.csv");
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            lines.add(header);
            lines.addAll(w.getValue());
            Files.write(file, lines);
        }
        return new TrainingSetReader("roomoccupancy", null, null).read(dir);
    }
}
