package io.occupancystream.job.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.testing.Tallies;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arrival order in Flink's keyed harness, with no watermark: every reading passes at once, in
 * arrival order; one older than its own device's newest is counted as out of order, another
 * device's newer readings do not make it so.
 */
class ArrivalOrderTest {
    private static final long T0 = 1513918800L;

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, Reading> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new ArrivalOrder(), r -> r.thingName, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void everyReadingPassesAtOnceAndOnlyThoseOlderThanTheirDevicesNewestAreOutOfOrder()
            throws Exception {
        Reading a2 = reading("a", T0 + 2);
        Reading b9 = reading("b", T0 + 9);
        Reading a1 = reading("a", T0 + 1);
        Reading a3 = reading("a", T0 + 3);
        Reading b5 = reading("b", T0 + 5);
        for (Reading r : new Reading[] {a2, b9, a1, a3, b5}) {
            harness.processElement(new StreamRecord<>(r, r.timestampMillis()));
        }

        assertThat(harness.extractOutputValues()).containsExactly(a2, b9, a1, a3, b5);
        assertThat(Tallies.count(harness, MetricName.OUT_OF_ORDER.of())).isEqualTo(2);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    private static Reading reading(String thing, long timestamp) {
        return new Reading(thing, timestamp, 70, 10, null, null);
    }
}
