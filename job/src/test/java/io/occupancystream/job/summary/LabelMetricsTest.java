package io.occupancystream.job.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelMetricsTest {
    @Test
    void computesTheStandardMetricsOfTheOccupiedClass() {
        LabelMetrics m = new LabelMetrics(30, 10, 50, 10);

        assertThat(m.labelled()).isEqualTo(100);
        assertThat(m.accuracy()).isEqualTo(0.8);
        assertThat(m.precision()).isEqualTo(0.75);
        assertThat(m.recall()).isEqualTo(0.75);
        assertThat(m.f1()).isEqualTo(0.75);
    }

    @Test
    void undefinedRatiosAreNull() {
        LabelMetrics neverPredictedOccupied = new LabelMetrics(0, 0, 90, 0);

        assertThat(neverPredictedOccupied.accuracy()).isEqualTo(1.0);
        assertThat(neverPredictedOccupied.precision()).isNull();
        assertThat(neverPredictedOccupied.recall()).isNull();
        assertThat(neverPredictedOccupied.f1()).isNull();
        assertThat(new LabelMetrics(0, 0, 0, 0).accuracy()).isNull();
    }
}
