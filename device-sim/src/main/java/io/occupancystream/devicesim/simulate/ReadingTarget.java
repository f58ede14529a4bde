package io.occupancystream.devicesim.simulate;

import io.occupancystream.job.reading.Reading;
import java.io.Closeable;
import java.io.IOException;

/** Where simulated readings go: a file now; Kinesis or MQTT later. */
public interface ReadingTarget extends Closeable {
    void send(Reading reading) throws IOException;

    /** Pushes out what was sent so far; called after each paced tick. */
    default void flush() throws IOException {}
}
