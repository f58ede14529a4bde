package io.occupancystream.job.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.testing.Tallies;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Training rows from hourly event-time windows, as the pipeline builds them, in Flink's keyed
 * harness: a window's rows come out in timestamp order when the watermark passes its end; a reading
 * within the allowed lateness fires it again with only that reading's row; a later one goes to the
 * late output and is no row.
 */
class TrainingRowsFunctionTest {
    /** 2017-12-22T05:00:00Z: the start of an hourly window. */
    private static final long T0 = 1513918800L;

    private static final long WINDOW_END_MILLIS = (T0 + 3600) * 1000;
    private static final OutputTag<FeaturedReading> LATE =
            new OutputTag<FeaturedReading>("late") {};
    private static final KeySelector<FeaturedReading, String> THING = r -> r.reading.thingName;

    private KeyedOneInputStreamOperatorTestHarness<String, FeaturedReading, TrainingRow> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void windowEmitsItsRowsInTimestampOrderWhenTheWatermarkPassesItsEnd() throws Exception {
        open(Duration.ZERO);
        process(labelled("a", T0 + 60, 1));
        process(labelled("b", T0 + 30, 2));
        process(labelled("a", T0, 3));
        process(labelled("a", T0 + 3600, 4));
        harness.processWatermark(WINDOW_END_MILLIS - 2);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(WINDOW_END_MILLIS - 1);

        List<TrainingRow> rows = harness.extractOutputValues();
        assertThat(rowsOf("a", rows)).containsExactly(row("a", T0, 3), row("a", T0 + 60, 1));
        assertThat(rowsOf("b", rows)).containsExactly(row("b", T0 + 30, 2));
        assertThat(Tallies.count(harness, MetricName.TRAINING_ROWS.of())).isEqualTo(3);
    }

    @Test
    void readingWithinTheAllowedLatenessFiresTheWindowAgainWithOnlyItsRow() throws Exception {
        open(Duration.ofHours(1));
        process(labelled("a", T0, 1));
        harness.processWatermark(WINDOW_END_MILLIS + 60_000);
        process(labelled("a", T0 + 30, 2));
        process(labelled("a", T0 + 45, 3));

        assertThat(harness.extractOutputValues())
                .containsExactly(row("a", T0, 1), row("a", T0 + 30, 2), row("a", T0 + 45, 3));
        assertThat(harness.getSideOutput(LATE)).isNull();
    }

    @Test
    void readingPastTheAllowedLatenessGoesToTheLateOutputNotToATrainingRow() throws Exception {
        open(Duration.ZERO);
        process(labelled("a", T0, 1));
        harness.processWatermark(WINDOW_END_MILLIS - 1);
        FeaturedReading late = labelled("a", T0 + 60, 2);
        process(late);

        assertThat(harness.extractOutputValues()).containsExactly(row("a", T0, 1));
        assertThat(harness.getSideOutput(LATE))
                .extracting(r -> r.getValue().reading + " @" + r.getTimestamp())
                .containsExactly(late.reading + " @" + late.reading.timestampMillis());
    }

    private void open(Duration allowedLateness) throws Exception {
        WindowOperatorBuilder<FeaturedReading, String, TimeWindow> window =
                new WindowOperatorBuilder<>(
                        TumblingEventTimeWindows.of(Time.hours(1)),
                        EventTimeTrigger.create(),
                        new ExecutionConfig(),
                        TypeInformation.of(FeaturedReading.class),
                        THING,
                        Types.STRING);
        window.allowedLateness(allowedLateness);
        window.sideOutputLateData(LATE);
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        window.process(new TrainingRowsFunction()), THING, Types.STRING);
        harness.open();
    }

    private void process(FeaturedReading reading) throws Exception {
        harness.processElement(reading, reading.reading.timestampMillis());
    }

    /** A labelled reading whose (one-feature) vector tells the rows apart. */
    private static FeaturedReading labelled(String thing, long timestamp, double feature) {
        return new FeaturedReading(
                new Reading(thing, timestamp, 70, 10, null, feature > 1), new double[] {feature});
    }

    private static TrainingRow row(String thing, long timestamp, double feature) {
        return new TrainingRow(T0 * 1000, thing, timestamp, new double[] {feature}, feature > 1);
    }

    private static List<TrainingRow> rowsOf(String thing, List<TrainingRow> rows) {
        return rows.stream().filter(r -> r.thingName.equals(thing)).collect(Collectors.toList());
    }
}
