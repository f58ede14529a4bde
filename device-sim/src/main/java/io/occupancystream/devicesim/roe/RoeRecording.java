package io.occupancystream.devicesim.roe;

import io.occupancystream.job.reading.Reading;
import java.util.Collections;
import java.util.List;

/** The readings converted from a Room Occupancy Estimation CSV, in timestamp then thing order. */
public final class RoeRecording {
    private final int rowCount;
    private final List<Reading> readings;

    RoeRecording(int rowCount, List<Reading> readings) {
        this.rowCount = rowCount;
        this.readings = Collections.unmodifiableList(readings);
    }

    /** Data rows read from the CSV, header not counted. */
    public int rowCount() {
        return rowCount;
    }

    public List<Reading> readings() {
        return readings;
    }
}
