package io.occupancystream.job.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CountsByName} is serialized by the TaskManager's heartbeat (Flink's {@code
 * AccumulatorRegistry.getSnapshot}) while the task thread goes on counting.
 */
class CountsByNameTest {
    @Test
    void countingWhileTheAccumulatorIsSerializedNeitherFailsNorLosesTheCount() throws Exception {
        CountsByName counts = new CountsByName();
        counts.add("device/a/tp");
        counts.add("device/b/tp");
        counts.add("device/c/tp");

        // The task thread counts a new name between two entries the heartbeat writes, made
        // deterministic by doing it from the stream's own hook.
        byte[] bytes = serializeAddingWhenWriting(counts, "device/b/tp", "device/bb/fn");

        Map<String, Long> before = Map.of("device/a/tp", 1L, "device/b/tp", 1L, "device/c/tp", 1L);
        Map<String, Long> after =
                Map.of("device/a/tp", 1L, "device/b/tp", 1L, "device/bb/fn", 1L, "device/c/tp", 1L);
        // The heartbeat's snapshot is the state before or after the addition; the next one has it.
        assertThat(deserialize(bytes).getLocalValue()).isIn(before, after);
        assertThat(counts.getLocalValue()).isEqualTo(after);
    }

    @Test
    void theLocalValueIsACopyThatLaterCountsDoNotChange() {
        CountsByName counts = new CountsByName();
        counts.add("room/lab/tp");
        Map<String, Long> before = counts.getLocalValue();
        counts.add("room/lab/tp");
        assertThat(before).isEqualTo(Map.of("room/lab/tp", 1L));
        assertThat(counts.getLocalValue()).isEqualTo(Map.of("room/lab/tp", 2L));
    }

    private static byte[] serializeAddingWhenWriting(
            CountsByName counts, String written, String added) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new AddingOutputStream(bytes, counts, written, added)) {
            out.writeObject(counts);
        }
        return bytes.toByteArray();
    }

    private static CountsByName deserialize(byte[] bytes)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (CountsByName) in.readObject();
        }
    }

    /** Adds a name to the accumulator when the stream writes a given name. */
    private static final class AddingOutputStream extends ObjectOutputStream {
        private final CountsByName counts;
        private final String written;
        private final String added;

        AddingOutputStream(OutputStream out, CountsByName counts, String written, String added)
                throws IOException {
            super(out);
            this.counts = counts;
            this.written = written;
            this.added = added;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (written.equals(obj)) {
                counts.add(added);
            }
            return obj;
        }
    }
}
