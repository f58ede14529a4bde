package io.occupancystream.modelops.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownsampleTest {
    @Test
    void keepsAShortSeriesWhole() {
        assertThat(Downsample.indexes(new long[] {5, 6, 9}, new double[] {1, 0, 1}, 4))
                .containsExactly(0, 1, 2);
    }

    @Test
    void keepsTheLowestAndHighestOfEachStretchOfTimeInOrder() {
        long[] times = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] values = {3, 1, 4, 1, 5, 9, 2, 6};

        // Two stretches, times 0-3 and 4-7: lowest 1 at index 1 (the first of the two), highest
        // 4 at 2; then highest 9 at 5 before lowest 2 at 6.
        assertThat(Downsample.indexes(times, values, 4)).containsExactly(1, 2, 5, 6);
    }

    @Test
    void aLongSeriesKeepsAtMostTheLimitAndEveryLoneChange() {
        int n = 30_000;
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1513965600L + 30L * i;
        }
        values[17_321] = 1; // one occupied reading among thirty thousand empty ones

        int[] kept = Downsample.indexes(times, values, Downsample.MAX_POINTS);

        assertThat(kept).hasSize(Downsample.MAX_POINTS / 2 + 1).contains(17_321).isSorted();
        assertThat(kept[0]).isEqualTo(0);
    }
}
