package io.occupancystream.job.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.ingest.RoomAssignment;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.testing.Tallies;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Training rows as readings arrive, in Flink's keyed harness with no watermark: each labelled
 * reading is its row at once, tagged with its window; a reading whose window closed longer than the
 * allowed lateness before its own device's watermark (newest minus the out-of-orderness bound) goes
 * to the late output; state is one entry per device, whatever the window.
 */
class TrainingRowsFunctionTest {
    /** 2017-12-22T05:00:00Z: the start of an hourly window. */
    private static final long T0 = 1513918800L;

    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);

    private KeyedOneInputStreamOperatorTestHarness<String, FeaturedReading, TrainingRow> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eachReadingIsItsWindowsRowWhenItArrives() throws Exception {
        open(Duration.ofHours(1), Duration.ZERO);
        process(labelled("a", T0 + 60, 1));
        assertThat(harness.extractOutputValues()).containsExactly(row(T0, "a", T0 + 60, 1));

        process(labelled("b", T0 + 3599, 2));
        process(labelled("a", T0 + 3600, 3));

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        row(T0, "a", T0 + 60, 1),
                        row(T0, "b", T0 + 3599, 2),
                        row(T0 + 3600, "a", T0 + 3600, 3));
        assertThat(Tallies.count(harness, MetricName.TRAINING_ROWS.of())).isEqualTo(3);
        assertThat(harness.getSideOutput(TrainingRowsFunction.LATE)).isNull();
    }

    @Test
    void readingOfAClosedWindowIsARowWhileItsDeviceIsWithinOutOfOrdernessAndLateness()
            throws Exception {
        open(Duration.ofHours(1), Duration.ofMinutes(1));
        process(labelled("a", T0 + 3600 + 64, 1));
        process(labelled("a", T0 + 3599, 2));
        process(labelled("a", T0 + 3600 + 65, 3));
        FeaturedReading late = labelled("a", T0 + 3598, 4);
        process(late);

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        row(T0 + 3600, "a", T0 + 3664, 1),
                        row(T0, "a", T0 + 3599, 2),
                        row(T0 + 3600, "a", T0 + 3665, 3));
        assertThat(harness.getSideOutput(TrainingRowsFunction.LATE))
                .extracting(r -> r.getValue().reading + " @" + r.getTimestamp())
                .containsExactly(late.reading + " @" + late.reading.timestampMillis());
    }

    @Test
    void anotherDevicesNewerReadingsDoNotMakeAReadingLate() throws Exception {
        open(Duration.ofHours(1), Duration.ZERO);
        process(labelled("b", T0 + 7200, 1));
        process(labelled("a", T0, 2));

        assertThat(harness.extractOutputValues())
                .containsExactly(row(T0 + 7200, "b", T0 + 7200, 1), row(T0, "a", T0, 2));
        assertThat(harness.getSideOutput(TrainingRowsFunction.LATE)).isNull();
    }

    @Test
    void stateIsOneEntryPerDeviceWhateverTheWindowLength() throws Exception {
        open(Duration.ofDays(1), Duration.ZERO);
        for (int i = 0; i < 1000; i++) {
            process(labelled("a", T0 + i, 1));
            process(labelled("b", T0 + i, 2));
        }

        assertThat(harness.extractOutputValues()).hasSize(2000);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    @Test
    void eachRowNamesItsReadingsRoomAsTheRoomsStageAssignsIt() throws Exception {
        open(Duration.ofHours(1), Duration.ZERO);
        FeaturedReading named = labelled("a", T0, 1);
        process(new FeaturedReading(named.reading.inRoom("lab"), named.features));
        process(labelled("x", T0, 1));
        process(labelled("c", T0, 1));

        assertThat(harness.extractOutputValues())
                .extracting(r -> r.thingName + " in " + r.room)
                .containsExactly("a in lab", "x in hall", "c in c");
    }

    private void open(Duration window, Duration allowedLateness) throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new TrainingRowsFunction(
                                new RoomAssignment(Map.of("x", "hall")),
                                window,
                                allowedLateness,
                                OUT_OF_ORDERNESS),
                        r -> r.reading.thingName,
                        Types.STRING);
    }

    private void process(FeaturedReading reading) throws Exception {
        harness.processElement(reading, reading.reading.timestampMillis());
    }

    /** A labelled reading whose (one-feature) vector tells the rows apart. */
    private static FeaturedReading labelled(String thing, long timestamp, double feature) {
        return new FeaturedReading(
                new Reading(thing, timestamp, 70, 10, null, feature > 1), new double[] {feature});
    }

    private static TrainingRow row(long windowStart, String thing, long timestamp, double feature) {
        return new TrainingRow(
                windowStart * 1000,
                thing,
                thing,
                timestamp,
                10,
                new double[] {feature},
                feature > 1);
    }
}
