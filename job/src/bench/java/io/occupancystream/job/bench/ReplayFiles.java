package io.occupancystream.job.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The files the benchmark replays, made from a recording: every reading {@code repeat} times, copy
 * {@code k > 0} under thingName {@code NAME-rK} right after the original, so that event time keeps
 * the recording's order and each copy is a device of its own. Lines are rewritten as compact JSON,
 * the form {@link ReadingIds} reads. The slow file holds the first {@code slowLimit} lines of the
 * full one, for the modes too slow to replay it all. Immutable.
 */
final class ReplayFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Path full;
    final long fullReadings;
    final Path slow;
    final long slowReadings;

    private ReplayFiles(Path full, long fullReadings, Path slow, long slowReadings) {
        this.full = full;
        this.fullReadings = fullReadings;
        this.slow = slow;
        this.slowReadings = slowReadings;
    }

    static ReplayFiles write(Path recording, int repeat, long slowLimit, Path dir)
            throws IOException {
        Path full = dir.resolve("full.jsonl");
        Path slow = dir.resolve("slow.jsonl");
        long written = 0;
        try (BufferedReader in = open(recording);
                BufferedWriter fullOut = Files.newBufferedWriter(full, StandardCharsets.UTF_8);
                BufferedWriter slowOut = Files.newBufferedWriter(slow, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode reading = reading(line, recording, lineNumber);
                String thingName = reading.get("thingName").asText();
                for (int copy = 0; copy < repeat; copy++) {
                    reading.put("thingName", copy == 0 ? thingName : thingName + "-r" + copy);
                    String json = MAPPER.writeValueAsString(reading);
                    fullOut.write(json);
                    fullOut.newLine();
                    if (written < slowLimit) {
                        slowOut.write(json);
                        slowOut.newLine();
                    }
                    written++;
                }
            }
        }
        return new ReplayFiles(full, written, slow, Math.min(written, slowLimit));
    }

    private static BufferedReader open(Path recording) throws IOException {
        InputStream in = Files.newInputStream(recording);
        if (recording.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The line as an object with a text thingName and a whole-number timestamp. */
    private static ObjectNode reading(String line, Path recording, int lineNumber)
            throws IOException {
        JsonNode parsed = MAPPER.readTree(line);
        if (parsed == null
                || !parsed.isObject()
                || !parsed.path("thingName").isTextual()
                || !parsed.path("timestamp").isIntegralNumber()) {
            throw new IllegalArgumentException(
                    recording
                            + " line "
                            + lineNumber
                            + " is not a reading with a thingName and a whole-number timestamp;"
                            + " the benchmark needs a clean recording");
        }
        return (ObjectNode) parsed;
    }
}
