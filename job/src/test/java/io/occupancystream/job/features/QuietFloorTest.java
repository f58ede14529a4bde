package io.occupancystream.job.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuietFloorTest {
    /** The start of an epoch minute: 2017-12-22T05:00:00Z. */
    private static final long T0 = 1513918800L;

    private final QuietFloor floor = QuietFloor.empty();

    @Test
    void coldFloorIsTheQuietestReadingOfTheFirstMinuteUntilAMinuteIsComplete() {
        assertThat(floor.take(T0, 0.5)).isEqualTo(0.5);
        assertThat(floor.take(T0 + 30, 0.2)).isEqualTo(0.2);
        assertThat(floor.take(T0 + 59, 0.3)).isEqualTo(0.2);

        assertThat(floor.take(T0 + 60, 0.9)).isEqualTo(0.2);
        // The floor holds for the rest of the minute, whatever the minute itself hears.
        assertThat(floor.take(T0 + 90, 0.01)).isEqualTo(0.2);
    }

    @Test
    void floorIsTheFifthPercentileOfTheDaysMinuteLows() {
        // Minute i's low is 100 - i; the 5th percentile of 100 values is the 5th lowest, 5.
        for (int i = 0; i < 100; i++) {
            floor.take(T0 + 60L * i, 100 - i);
            floor.take(T0 + 60L * i + 30, 200);
        }

        assertThat(floor.take(T0 + 60L * 100, 50)).isEqualTo(5.0);
    }

    @Test
    void minutesOlderThanADayNoLongerCount() {
        floor.take(T0, 0.01);
        floor.take(T0 + 60L * QuietFloor.MINUTES, 1);

        assertThat(floor.take(T0 + 60L * QuietFloor.MINUTES + 59, 1)).isEqualTo(0.01);
        assertThat(floor.take(T0 + 60L * (QuietFloor.MINUTES + 1), 1)).isEqualTo(1.0);
    }

    @Test
    void outOfOrderReadingTakesTheFloorThereIs() {
        floor.take(T0, 0.5);
        floor.take(T0 + 120, 0.4);

        assertThat(floor.take(T0 + 60, 0.01)).isEqualTo(0.5);
        // Its minute counts once the floor is worked out again.
        assertThat(floor.take(T0 + 180, 2)).isEqualTo(0.01);
    }
}
