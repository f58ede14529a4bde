package io.occupancystream.modelops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RocCurveTest {
    private static final double INFINITY = Double.POSITIVE_INFINITY;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "two of each, no ties",
                        new double[] {0.1, 0.4, 0.35, 0.8},
                        new boolean[] {false, false, true, true},
                        new Tuple[] {
                            tuple(INFINITY, 0.0, 0.0),
                            tuple(0.8, 0.0, 0.5),
                            tuple(0.4, 0.5, 0.5),
                            tuple(0.35, 0.5, 1.0),
                            tuple(0.1, 1.0, 1.0)
                        }),
                Arguments.of(
                        "ties of both classes make one diagonal step",
                        new double[] {0.7, 0.7, 0.2, 0.2, 0.9},
                        new boolean[] {true, false, true, false, true},
                        new Tuple[] {
                            tuple(INFINITY, 0.0, 0.0),
                            tuple(0.9, 0.0, 1.0 / 3),
                            tuple(0.7, 0.5, 2.0 / 3),
                            tuple(0.2, 1.0, 1.0)
                        }),
                Arguments.of(
                        "perfect separation",
                        new double[] {0.3, 0.9, 0.6, 0.2},
                        new boolean[] {false, true, true, false},
                        new Tuple[] {
                            tuple(INFINITY, 0.0, 0.0),
                            tuple(0.9, 0.0, 0.5),
                            tuple(0.6, 0.0, 1.0),
                            tuple(0.3, 0.5, 1.0),
                            tuple(0.2, 1.0, 1.0)
                        }),
                Arguments.of(
                        "only occupied rows: no curve",
                        new double[] {0.3, 0.9},
                        new boolean[] {true, true},
                        new Tuple[0]),
                Arguments.of(
                        "only empty rows: no curve",
                        new double[] {0.3, 0.9},
                        new boolean[] {false, false},
                        new Tuple[0]),
                Arguments.of("no rows", new double[0], new boolean[0], new Tuple[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pointsFromAnInfiniteThresholdDown(
            String name, double[] scores, boolean[] actual, Tuple[] expected) {
        assertThat(RocCurve.of(scores, actual))
                .extracting(p -> p.threshold, p -> p.falsePositiveRate, p -> p.truePositiveRate)
                .containsExactly(expected);
    }
}
