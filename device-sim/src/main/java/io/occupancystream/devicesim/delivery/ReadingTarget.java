package io.occupancystream.devicesim.delivery;

import io.occupancystream.job.reading.Reading;
import java.io.Closeable;
import java.io.IOException;

/**
 * Where readings go: a recording file, a Kinesis data stream, or device shadows over MQTT. Used
 * from one thread. {@link #close()} sends what is still held and fails if any of it could not be
 * delivered.
 */
public interface ReadingTarget extends Closeable {
    /** Sends a reading that device-sim made. */
    void send(Reading reading) throws IOException;

    /**
     * Sends one line of a recording. Replay uses this so that a recording of bad records reaches
     * the job as it was recorded.
     */
    void send(RecordedLine line) throws IOException;

    /** Pushes out what was sent so far; called before each paced wait. */
    default void flush() throws IOException {}
}
