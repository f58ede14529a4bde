package io.occupancystream.modelops.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSplitTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void validationIsTheLatestWindowsWithEnoughRowsOfEachClass() {
        // Ten windows of 10 rows; occupied only in windows 2-4 and 9 (the last holds 10 of 40).
        TrainingSet all = windows(10, 10, w -> w >= 2 && w <= 4 || w == 9);

        TimeSplit split = TimeSplit.latest(all, 0.2, 0.1);

        assertThat(split.validation.rows()).isEqualTo(20);
        assertThat(split.train.rows()).isEqualTo(80);
        assertThat(maxWindow(split.train)).isLessThan(minWindow(split.validation));
    }

    @Test
    void cutMovesEarlierUntilValidationHoldsTheRarerClass() {
        // Occupied only in windows 1-3: validation must reach back into window 3.
        TrainingSet all = windows(10, 10, w -> w >= 1 && w <= 3);

        TimeSplit split = TimeSplit.latest(all, 0.2, 0.1);

        assertThat(minWindow(split.validation)).isEqualTo(3 * HOUR);
        assertThat(split.validation.occupied()).isEqualTo(10);
        assertThat(maxWindow(split.train)).isLessThan(minWindow(split.validation));
    }

    @Test
    void refusesWhenTrainingWouldLoseAClass() {
        TrainingSet all = windows(5, 10, w -> w == 4);

        assertThatThrownBy(() -> TimeSplit.latest(all, 0.2, 0.1))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageStartingWith("cannot split 50 rows in time");
    }

    interface Occupied {
        boolean in(int window);
    }

    private static TrainingSet windows(int windows, int rowsPerWindow, Occupied occupied) {
        int rows = windows * rowsPerWindow;
        float[] values = new float[rows];
        boolean[] labels = new boolean[rows];
        long[] starts = new long[rows];
        for (int r = 0; r < rows; r++) {
            int w = r / rowsPerWindow;
            values[r] = r;
            labels[r] = occupied.in(w);
            starts[r] = w * HOUR;
        }
        return new TrainingSet(
                List.of("sound"), "roomoccupancy", values, labels, starts, windows, "x");
    }

    private static long maxWindow(TrainingSet set) {
        return set.windowStart(set.rows() - 1);
    }

    private static long minWindow(TrainingSet set) {
        return set.windowStart(0);
    }
}
