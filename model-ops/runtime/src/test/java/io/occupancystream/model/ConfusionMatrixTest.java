package io.occupancystream.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void computesTheStandardMetricsOfTheOccupiedClass() {
        ConfusionMatrix m = new ConfusionMatrix(30, 10, 50, 10);

        assertThat(m.total()).isEqualTo(100);
        assertThat(m.accuracy()).isEqualTo(0.8);
        assertThat(m.precision()).isEqualTo(0.75);
        assertThat(m.recall()).isEqualTo(0.75);
        assertThat(m.f1()).isEqualTo(0.75);
    }

    @Test
    void undefinedRatiosAreNaNAndRoundToNull() {
        ConfusionMatrix neverPredictedOccupied = new ConfusionMatrix(0, 0, 90, 0);

        assertThat(neverPredictedOccupied.accuracy()).isEqualTo(1.0);
        assertThat(neverPredictedOccupied.precision()).isNaN();
        assertThat(neverPredictedOccupied.recall()).isNaN();
        assertThat(neverPredictedOccupied.f1()).isNaN();
        assertThat(new ConfusionMatrix(0, 0, 0, 0).accuracy()).isNaN();
        assertThat(ConfusionMatrix.rounded(neverPredictedOccupied.f1())).isNull();
    }

    @Test
    void roundsMetricsToFourDecimals() {
        assertThat(ConfusionMatrix.rounded(new ConfusionMatrix(1, 2, 0, 0).precision()))
                .isEqualTo(0.3333);
        assertThat(ConfusionMatrix.rounded(new ConfusionMatrix(2, 1, 0, 0).precision()))
                .isEqualTo(0.6667);
    }

    @Test
    void sumsCountsCellByCell() {
        ConfusionMatrix sum =
                new ConfusionMatrix(1, 2, 3, 4).plus(new ConfusionMatrix(10, 20, 30, 40));

        assertThat(new long[] {sum.tp, sum.fp, sum.tn, sum.fn}).containsExactly(11, 22, 33, 44);
    }
}
