package io.occupancystream.devicesim.roe;

import io.occupancystream.devicesim.RecordingFiles;
import io.occupancystream.job.reading.Reading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code device-sim import-roe}: turns the UCI Room Occupancy Estimation CSV into a recording. */
@Command(
        name = "import-roe",
        description = {
            "Converts the UCI Room Occupancy Estimation CSV into recorded readings, one JSON line"
                    + " each: sensor nodes S1-S4 become thermostats roe-s1..roe-s4, temperature in"
                    + " Fahrenheit, sound as recorded, occupied when Room_Occupancy_Count > 0.",
            "Date and Time are read as India time (Asia/Kolkata). Files ending in .gz are gzip."
        })
public final class ImportRoeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--in",
            required = true,
            paramLabel = "FILE",
            description = "The dataset CSV (.csv or .csv.gz).")
    Path in;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The recording to write (.jsonl, or .jsonl.gz for gzip); replaced.")
    Path out;

    @Override
    public Integer call() throws IOException {
        RoeRecording recording;
        try (BufferedReader csv = RecordingFiles.newReader(in)) {
            recording = RoeRecordingConverter.read(csv, in.toString());
        }
        try (Writer jsonLines = RecordingFiles.newWriter(out)) {
            RoeRecordingConverter.write(recording.readings(), jsonLines);
        }
        spec.commandLine().getErr().println(summary(recording));
        return 0;
    }

    private String summary(RoeRecording recording) {
        List<Reading> readings = recording.readings();
        long occupied = readings.stream().filter(r -> r.roomOccupancy).count();
        return String.format(
                "import-roe: read %d rows from %s, wrote %d readings (%d occupied) to %s,"
                        + " from %s to %s",
                recording.rowCount(),
                in,
                readings.size(),
                occupied,
                out,
                Instant.ofEpochSecond(readings.get(0).timestamp),
                Instant.ofEpochSecond(readings.get(readings.size() - 1).timestamp));
    }
}
