package io.occupancystream.job.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.reading.Reading;
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
    private static final Reading SECOND = new Reading("a", T0 + 60, 71, 25, null, null);

    /** A device's first reading is its own floor: nothing is loud or above anything. */
    private static final double[] ALONE = {0, 0, 0, 0, 0, 0, 0};

    /**
     * SECOND after FIRST: the floor is FIRST's minute's low, 10, so SECOND is loud and FIRST not
     * (half of every window).
     */
    private static final double[] SECOND_AFTER_FIRST = {0.5, 0.5, 0.5, 0.5, 0, 0, 0};

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, FeaturedReading> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new FeatureFunction(), r -> r.thingName, Types.STRING);
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
        assertThat(out.get(0).features).containsExactly(ALONE);
        assertThat(out.get(1).features).containsExactly(SECOND_AFTER_FIRST);
    }

    @Test
    void outOfOrderReadingIsFeaturizedAtOnceWithoutTheNewerReadings() throws Exception {
        process(SECOND);
        process(FIRST);

        List<FeaturedReading> out = harness.extractOutputValues();
        assertThat(out).extracting(f -> f.reading).containsExactly(SECOND, FIRST);
        assertThat(out.get(0).features).containsExactly(ALONE);
        assertThat(out.get(1).features).containsExactly(ALONE);
    }

    private void process(Reading reading) throws Exception {
        harness.processElement(new StreamRecord<>(reading, reading.timestampMillis()));
    }
}
