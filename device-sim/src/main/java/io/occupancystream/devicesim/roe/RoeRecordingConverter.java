package io.occupancystream.devicesim.roe;

import io.occupancystream.devicesim.InputDataException;
import io.occupancystream.job.reading.ParsedReading;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the UCI Room Occupancy Estimation CSV (DOI 10.24432/C5P605) into recorded readings:
 * sensor node S{n} becomes thermostat {@code roe-s{n}}, its temperature converted to Fahrenheit,
 * its sound kept as recorded (volts), labelled occupied when {@code Room_Occupancy_Count > 0}.
 *
 * <p>Plain comma-separated values as UCI publishes them; quoted fields are not supported.
 */
public final class RoeRecordingConverter {
    /** The dataset's Date and Time are local time where it was recorded, in India. */
    private static final ZoneId RECORDING_ZONE = ZoneId.of("Asia/Kolkata");

    public static final Comparator<Reading> TIMESTAMP_THEN_THING =
            Comparator.comparingLong((Reading r) -> r.timestamp).thenComparing(r -> r.thingName);

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private static final BigDecimal NINE = BigDecimal.valueOf(9);
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal THIRTY_TWO = BigDecimal.valueOf(32);

    private RoeRecordingConverter() {}

    /**
     * Reads the whole CSV.
     *
     * @param file names the input in error messages
     * @throws InputDataException naming the file and line of the first row that cannot be used
     */
    public static RoeRecording read(BufferedReader csv, String file) throws IOException {
        String header = csv.readLine();
        if (header == null) {
            throw new InputDataException(file, 1, "empty file, expected a header");
        }
        RoeColumns columns = new RoeColumns(header, file);
        List<Reading> readings = new ArrayList<>();
        Map<Long, Long> lineByTimestamp = new HashMap<>();
        long lineNumber = 1;
        for (String line = csv.readLine(); line != null; line = csv.readLine()) {
            lineNumber++;
            Row row = new Row(file, lineNumber, columns, line);
            long timestamp = row.timestamp();
            Long sameTimeLine = lineByTimestamp.putIfAbsent(timestamp, lineNumber);
            if (sameTimeLine != null) {
                throw row.error("same Date and Time as line " + sameTimeLine);
            }
            boolean occupied = row.occupancyCount() > 0;
            for (int node = 1; node <= RoeColumns.NODE_COUNT; node++) {
                readings.add(row.reading(node, timestamp, occupied));
            }
        }
        if (lineNumber == 1) {
            throw new InputDataException(file, 1, "header but no rows");
        }
        readings.sort(TIMESTAMP_THEN_THING);
        return new RoeRecording((int) (lineNumber - 1), readings);
    }

    /** Writes one {@link ReadingJson} line per reading, each ended by a newline. */
    public static void write(List<Reading> readings, Writer out) throws IOException {
        for (Reading reading : readings) {
            out.write(ReadingJson.write(reading));
            out.write('\n');
        }
    }

    static String thingName(int node) {
        return "roe-s" + node;
    }

    /** Exact: 24.69 C is 76.442 F, where double arithmetic gives 76.44200000000001. */
    static double fahrenheit(BigDecimal celsius) {
        return celsius.multiply(NINE).divide(FIVE).add(THIRTY_TWO).doubleValue();
    }

    private static final class Row {
        private final String file;
        private final long lineNumber;
        private final RoeColumns columns;
        private final String[] fields;

        Row(String file, long lineNumber, RoeColumns columns, String line) {
            this.file = file;
            this.lineNumber = lineNumber;
            this.columns = columns;
            this.fields = line.split(",", -1);
            if (fields.length != columns.names.length) {
                throw error(
                        "expected "
                                + columns.names.length
                                + " fields like the header, got "
                                + fields.length);
            }
        }

        long timestamp() {
            String date = fields[columns.date];
            String time = fields[columns.time];
            try {
                return LocalDate.parse(date, DATE)
                        .atTime(LocalTime.parse(time, TIME))
                        .atZone(RECORDING_ZONE)
                        .toEpochSecond();
            } catch (DateTimeParseException e) {
                throw error(
                        "Date and Time must be yyyy/MM/dd and HH:mm:ss, got '"
                                + date
                                + "' and '"
                                + time
                                + "'");
            }
        }

        int occupancyCount() {
            int column = columns.occupancyCount;
            String problem =
                    columns.names[column]
                            + " must be a number of people, got '"
                            + fields[column]
                            + "'";
            try {
                int count = Integer.parseInt(fields[column]);
                if (count < 0) {
                    throw error(problem);
                }
                return count;
            } catch (NumberFormatException e) {
                throw error(problem);
            }
        }

        Reading reading(int node, long timestamp, boolean occupied) {
            Reading reading =
                    new Reading(
                            thingName(node),
                            timestamp,
                            fahrenheit(decimal(columns.temperature[node - 1])),
                            decimal(columns.sound[node - 1]).doubleValue(),
                            null,
                            occupied);
            // The job validates every reading it reads; a recording must hold none it rejects.
            ParsedReading check = ReadingJson.parse(ReadingJson.write(reading), Long.MAX_VALUE);
            if (!check.isValid()) {
                throw error(
                        "S"
                                + node
                                + " gives a reading the job rejects, "
                                + check.reason()
                                + ": "
                                + check.detail());
            }
            return reading;
        }

        private BigDecimal decimal(int column) {
            try {
                return new BigDecimal(fields[column]);
            } catch (NumberFormatException e) {
                throw error(columns.names[column] + " is not a number: '" + fields[column] + "'");
            }
        }

        InputDataException error(String problem) {
            return new InputDataException(file, lineNumber, problem);
        }
    }
}
