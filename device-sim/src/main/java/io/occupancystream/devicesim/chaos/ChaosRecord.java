package io.occupancystream.devicesim.chaos;

import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.nio.charset.StandardCharsets;

/**
 * One record the harness puts into the input stream, with what the job must make of it: a valid
 * simulated reading must come back as the result {@link #resultId}; a fuzzed record either as that
 * result (if the job finds a reading in it) or as a dead letter whose raw text holds {@link
 * #marker}.
 */
final class ChaosRecord {
    final byte[] data;
    final String partitionKey;
    final String resultId;

    /** Text only this record holds, kept in its first bytes; null for a simulated reading. */
    final String marker;

    /** The simulated reading, or null for a fuzzed record. */
    final Reading reading;

    private ChaosRecord(
            byte[] data, String partitionKey, String resultId, String marker, Reading reading) {
        this.data = data;
        this.partitionKey = partitionKey;
        this.resultId = resultId;
        this.marker = marker;
        this.reading = reading;
    }

    static ChaosRecord reading(Reading reading) {
        return new ChaosRecord(
                ReadingJson.write(reading).getBytes(StandardCharsets.UTF_8),
                reading.thingName,
                reading.id(),
                null,
                reading);
    }

    static ChaosRecord fuzzed(byte[] data, String thingName, long timestamp) {
        return new ChaosRecord(
                data, thingName, Reading.id(thingName, timestamp), "\"" + thingName + "\"", null);
    }

    /**
     * A record that must become a dead letter (a JSON object cut short), put last into an input
     * shard: its dead letter shows that the job has read that shard to its end.
     */
    static ChaosRecord endMarker(int shard) {
        String thing = "fz-end-" + shard;
        return new ChaosRecord(
                ("{\"thingName\":\"" + thing + "\",\"timestamp\":")
                        .getBytes(StandardCharsets.UTF_8),
                thing,
                null,
                "\"" + thing + "\"",
                null);
    }

    /** An end marker: it must come back as a dead letter; not counted among the bad records. */
    boolean isEndMarker() {
        return resultId == null;
    }

    /** A simulated reading: it must come back as a result, never as a dead letter. */
    boolean mustBeAResult() {
        return reading != null;
    }
}
