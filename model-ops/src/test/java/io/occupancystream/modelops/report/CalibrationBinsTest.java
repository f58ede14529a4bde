package io.occupancystream.modelops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CalibrationBinsTest {
    private static final double NAN = Double.NaN;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "mixed bins",
                        new double[] {0.05, 0.15, 0.12, 0.95, 1.0, 0.5},
                        new boolean[] {false, true, false, true, true, false},
                        new Tuple[] {
                            tuple(0.0, 0.1, 1L, 0.05, 0.0),
                            tuple(0.1, 0.2, 2L, (0.15 + 0.12) / 2, 0.5),
                            tuple(0.2, 0.3, 0L, NAN, NAN),
                            tuple(0.3, 0.4, 0L, NAN, NAN),
                            tuple(0.4, 0.5, 0L, NAN, NAN),
                            tuple(0.5, 0.6, 1L, 0.5, 0.0),
                            tuple(0.6, 0.7, 0L, NAN, NAN),
                            tuple(0.7, 0.8, 0L, NAN, NAN),
                            tuple(0.8, 0.9, 0L, NAN, NAN),
                            tuple(0.9, 1.0, 2L, (0.95 + 1.0) / 2, 1.0)
                        }),
                Arguments.of(
                        "edges: a bin holds its lower edge, the last one also 1",
                        new double[] {0.0, 0.1, 0.9, 1.0},
                        new boolean[] {false, true, true, true},
                        new Tuple[] {
                            tuple(0.0, 0.1, 1L, 0.0, 0.0),
                            tuple(0.1, 0.2, 1L, 0.1, 1.0),
                            tuple(0.2, 0.3, 0L, NAN, NAN),
                            tuple(0.3, 0.4, 0L, NAN, NAN),
                            tuple(0.4, 0.5, 0L, NAN, NAN),
                            tuple(0.5, 0.6, 0L, NAN, NAN),
                            tuple(0.6, 0.7, 0L, NAN, NAN),
                            tuple(0.7, 0.8, 0L, NAN, NAN),
                            tuple(0.8, 0.9, 0L, NAN, NAN),
                            tuple(0.9, 1.0, 2L, (0.9 + 1.0) / 2, 1.0)
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tenEqualWidthBins(String name, double[] probabilities, boolean[] actual, Tuple[] bins) {
        assertThat(CalibrationBins.of(probabilities, actual))
                .extracting(
                        b -> b.lower,
                        b -> b.upper,
                        b -> b.count,
                        b -> b.meanPredicted,
                        b -> b.observedFraction)
                .containsExactly(bins);
    }

    @Test
    void noRowsGiveTenEmptyBins() {
        assertThat(CalibrationBins.of(new double[0], new boolean[0]))
                .hasSize(CalibrationBins.BIN_COUNT)
                .allSatisfy(b -> assertThat(b.count).isZero());
    }

    @Test
    void refusesLabelsThatDoNotMatchTheProbabilities() {
        assertThatThrownBy(() -> CalibrationBins.of(new double[2], new boolean[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 probabilities but 3 labels");
    }
}
