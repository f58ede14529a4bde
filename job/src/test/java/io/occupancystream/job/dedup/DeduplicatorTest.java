package io.occupancystream.job.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.testing.Tallies;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The de-duplicator in Flink's keyed harness: elements and watermarks driven by hand. */
class DeduplicatorTest {
    /** 2017-12-22T05:00:00Z. */
    private static final long T0 = 1513918800L;

    private static final Duration RETENTION = Duration.ofHours(1);

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, Reading> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new Deduplicator(RETENTION), r -> r.thingName, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void firstReadingOfADeviceAndTimestampPassesLaterOnesAreCountedAndDropped() throws Exception {
        process(reading("a", T0, 1));
        process(reading("a", T0, 2));
        process(reading("b", T0, 3));
        process(reading("a", T0 + 30, 4));
        process(reading("a", T0, 5));

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        reading("a", T0, 1), reading("b", T0, 3), reading("a", T0 + 30, 4));
        assertThat(Tallies.count(harness, MetricName.DUPLICATES.of())).isEqualTo(2);
    }

    @Test
    void timestampIsForgottenOnceTheWatermarkPassesItsRetention() throws Exception {
        process(reading("a", T0, 1));
        harness.processWatermark((T0 * 1000) + RETENTION.toMillis() - 1);
        process(reading("a", T0, 2));
        harness.processWatermark((T0 * 1000) + RETENTION.toMillis());
        process(reading("a", T0, 3));

        assertThat(harness.extractOutputValues())
                .containsExactly(reading("a", T0, 1), reading("a", T0, 3));
        assertThat(Tallies.count(harness, MetricName.DUPLICATES.of())).isEqualTo(1);
    }

    private void process(Reading reading) throws Exception {
        harness.processElement(new StreamRecord<>(reading, reading.timestampMillis()));
    }

    private static Reading reading(String thing, long timestamp, double sound) {
        return new Reading(thing, timestamp, 70, sound, null, null);
    }
}
