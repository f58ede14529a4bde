package io.occupancystream.modelops.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.occupancystream.model.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void aucIsTheShareOfCorrectlyOrderedPairsWithTiesCountingHalf() {
        // Pairs (pos, neg): (0.9,0.1) (0.9,0.5) (0.5,0.1) right, (0.5,0.5) tie: 3.5 of 4.
        double[] scores = {0.1, 0.5, 0.5, 0.9};
        boolean[] actual = {F, F, T, T};

        assertThat(BinaryMetrics.auc(scores, actual)).isEqualTo(0.875);
        assertThat(BinaryMetrics.auc(new double[] {0.2, 0.3}, new boolean[] {T, T})).isNaN();
    }

    @Test
    void bestF1ThresholdPrefersTheHighestAmongEqualF1() {
        // At >= 0.8: tp 2, fp 0, fn 1 -> F1 0.8. At >= 0.3: tp 3 fp 1 -> 0.857. At >= 0.1: 0.75.
        double[] scores = {0.1, 0.2, 0.3, 0.8, 0.9};
        boolean[] actual = {F, F, T, T, T};

        assertThat(BinaryMetrics.bestF1Threshold(scores, actual)).isEqualTo(0.3);
        assertThat(ConfusionMatrix.at(scores, actual, 0.3).f1()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void withNoOccupiedRowTheThresholdIsAboveEveryScore() {
        double threshold =
                BinaryMetrics.bestF1Threshold(new double[] {0.2, 0.7}, new boolean[] {F, F});

        assertThat(threshold).isGreaterThan(0.7);
    }

    @Test
    void logLossOfConfidentRightAndWrongAnswers() {
        double loss = BinaryMetrics.logLoss(new double[] {0.9, 0.1}, new boolean[] {T, T});

        assertThat(loss).isCloseTo((-Math.log(0.9) - Math.log(0.1)) / 2, within(1e-12));
    }

    @Test
    void confusionMatrixMetrics() {
        ConfusionMatrix m = new ConfusionMatrix(8, 2, 85, 5);

        assertThat(m.accuracy()).isEqualTo(0.93);
        assertThat(m.precision()).isEqualTo(0.8);
        assertThat(m.recall()).isCloseTo(8 / 13.0, within(1e-12));
        assertThat(m.falsePositiveRate()).isCloseTo(2 / 87.0, within(1e-12));
        assertThat(new ConfusionMatrix(0, 0, 5, 0).toJson().toString())
                .isEqualTo(
                        "{\"accuracy\":1.0,\"precision\":null,\"recall\":null,\"f1\":null,"
                                + "\"falsePositiveRate\":0.0,\"tp\":0,\"fp\":0,\"tn\":5,\"fn\":0}");
    }
}
