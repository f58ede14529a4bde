package io.occupancystream.job.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.reading.Reading;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feature function in Flink's keyed harness: each reading is featurized when it arrives, with
 * no watermark; one older than the device's newest is featurized at once, without the readings
 * after it.
 */
class FeatureFunctionTest {
    /** 2017-12-22T05:00:00Z, a Friday. */
    private static final long T0 = 1513918800L;

    private static final Reading FIRST = new Reading("a", T0, 70, 10, null, null);
    private static final Reading SECOND = new Reading("a", T0 + 60, 71, 20, null, null);

    /** FIRST alone: its own sound, no spread, 05:00 on day 5. */
    private static final double[] FIRST_ALONE = {70, 10, 10, 10, 0, 0, 0, 0, 5, 5, 0, 0, 0};

    /** SECOND after FIRST: mean 15, max 20, std 5, floor 10, 1 degree warmer. */
    private static final double[] SECOND_AFTER_FIRST = {
        71, 20, 15, 20, 5, 0.2, 0.333333, 1, 5, 5, 0, 0, 0
    };

    private static final double[] SECOND_ALONE = {71, 20, 20, 20, 0, 0, 0, 0, 5, 5, 0, 0, 0};

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, FeaturedReading> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new FeatureFunction(ZoneOffset.UTC), r -> r.thingName, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void readingIsFeaturizedWhenItArrivesWithTheWatermarkStillBehindIt() throws Exception {
        process(FIRST);
        List<FeaturedReading> afterFirst = harness.extractOutputValues();
        process(SECOND);
        List<FeaturedReading> out = harness.extractOutputValues();

        assertThat(afterFirst).extracting(f -> f.reading).containsExactly(FIRST);
        assertThat(out).extracting(f -> f.reading).containsExactly(FIRST, SECOND);
        assertThat(out.get(0).features).containsExactly(FIRST_ALONE);
        assertThat(out.get(1).features).containsExactly(SECOND_AFTER_FIRST);
    }

    @Test
    void outOfOrderReadingIsFeaturizedAtOnceWithoutTheNewerReadings() throws Exception {
        process(SECOND);
        process(FIRST);

        List<FeaturedReading> out = harness.extractOutputValues();
        assertThat(out).extracting(f -> f.reading).containsExactly(SECOND, FIRST);
        assertThat(out.get(0).features).containsExactly(SECOND_ALONE);
        assertThat(out.get(1).features).containsExactly(FIRST_ALONE);
    }

    private void process(Reading reading) throws Exception {
        harness.processElement(new StreamRecord<>(reading, reading.timestampMillis()));
    }
}
