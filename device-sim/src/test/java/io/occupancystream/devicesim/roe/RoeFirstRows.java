package io.occupancystream.devicesim.roe;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The fixture roe-first-rows.csv, the header and first three rows of the UCI file
 * occupancy_estimation_2017-12.csv copied verbatim (real recorded rows), and the readings they
 * convert to, worked out by hand.
 */
final class RoeFirstRows {
    static final String HEADER =
            "Date,Time,S1_Temp,S2_Temp,S3_Temp,S4_Temp,S1_Light,S2_Light,S3_Light,S4_Light,"
                    + "S1_Sound,S2_Sound,S3_Sound,S4_Sound,S5_CO2,S5_CO2_Slope,S6_PIR,S7_PIR,"
                    + "Room_Occupancy_Count";
    static final String FIRST_ROW =
            "2017/12/22,10:49:41,24.94,24.75,24.56,25.38,121,34,53,40,0.08,0.19,0.06,0.06,390,"
                    + "0.769230769231,0,0,1";
    static final String SECOND_ROW =
            "2017/12/22,10:50:12,24.94,24.75,24.56,25.44,121,33,53,40,0.93,0.05,0.06,0.06,390,"
                    + "0.646153846154,0,0,1";
    static final String THIRD_ROW =
            "2017/12/22,10:50:42,25,24.75,24.5,25.44,121,34,53,40,0.43,0.11,0.08,0.06,390,"
                    + "0.519230769231,0,0,1";

    /**
     * 10:49:41 in India is 05:19:41 UTC, epoch second 1513919981; the next rows are 31 and 61
     * seconds later. Fahrenheit is C * 9 / 5 + 32, e.g. 24.94 C is 76.892 F.
     */
    static final List<String> JSON_LINES =
            List.of(
                    reading("roe-s1", 1513919981, "76.892", "0.08"),
                    reading("roe-s2", 1513919981, "76.55", "0.19"),
                    reading("roe-s3", 1513919981, "76.208", "0.06"),
                    reading("roe-s4", 1513919981, "77.684", "0.06"),
                    reading("roe-s1", 1513920012, "76.892", "0.93"),
                    reading("roe-s2", 1513920012, "76.55", "0.05"),
                    reading("roe-s3", 1513920012, "76.208", "0.06"),
                    reading("roe-s4", 1513920012, "77.792", "0.06"),
                    reading("roe-s1", 1513920042, "77.0", "0.43"),
                    reading("roe-s2", 1513920042, "76.55", "0.11"),
                    reading("roe-s3", 1513920042, "76.1", "0.08"),
                    reading("roe-s4", 1513920042, "77.792", "0.06"));

    private RoeFirstRows() {}

    static Path path() {
        try {
            return Path.of(RoeFirstRows.class.getResource("roe-first-rows.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What import-roe writes for the fixture: each line ended by a newline. */
    static String jsonText() {
        return String.join("\n", JSON_LINES) + "\n";
    }

    /** A CSV of the header and the given rows. */
    static String csv(String... rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    /** The row with the value in the named column replaced. */
    static String with(String row, String column, String value) {
        String[] fields = row.split(",", -1);
        fields[List.of(HEADER.split(",")).indexOf(column)] = value;
        return String.join(",", fields);
    }

    private static String reading(
            String thingName, long timestamp, String temperature, String sound) {
        return "{\"thingName\":\""
                + thingName
                + "\",\"timestamp\":"
                + timestamp
                + ",\"state\":{\"reported\":{\"temperature\":"
                + temperature
                + ",\"sound\":"
                + sound
                + ",\"roomOccupancy\":true}}}";
    }
}
