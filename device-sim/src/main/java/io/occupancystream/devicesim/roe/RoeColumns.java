package io.occupancystream.devicesim.roe;

import io.occupancystream.devicesim.InputDataException;
import java.util.HashMap;
import java.util.Map;

/** Where the columns the import uses are, found by name in the CSV header. */
final class RoeColumns {
    /** Sensor nodes S1..S4 report temperature and sound; each becomes one thermostat. */
    static final int NODE_COUNT = 4;

    final String[] names;
    final int date;
    final int time;
    // Indexed by node number minus one.
    final int[] temperature = new int[NODE_COUNT];
    final int[] sound = new int[NODE_COUNT];
    final int occupancyCount;

    RoeColumns(String headerLine, String file) {
        names = headerLine.split(",", -1);
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (indexByName.putIfAbsent(names[i], i) != null) {
                throw new InputDataException(file, 1, "column " + names[i] + " appears twice");
            }
        }
        date = index(indexByName, "Date", file);
        time = index(indexByName, "Time", file);
        for (int node = 1; node <= NODE_COUNT; node++) {
            temperature[node - 1] = index(indexByName, "S" + node + "_Temp", file);
            sound[node - 1] = index(indexByName, "S" + node + "_Sound", file);
        }
        occupancyCount = index(indexByName, "Room_Occupancy_Count", file);
    }

    private static int index(Map<String, Integer> indexByName, String name, String file) {
        Integer index = indexByName.get(name);
        if (index == null) {
            throw new InputDataException(file, 1, "header has no column " + name);
        }
        return index;
    }
}
