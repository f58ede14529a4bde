package io.occupancystream.modelops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrecisionRecallCurveTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "two of each, no ties",
                        new double[] {0.1, 0.4, 0.35, 0.8},
                        new boolean[] {false, false, true, true},
                        new Tuple[] {
                            tuple(0.8, 0.5, 1.0),
                            tuple(0.4, 0.5, 0.5),
                            tuple(0.35, 1.0, 2.0 / 3),
                            tuple(0.1, 1.0, 0.5)
                        }),
                Arguments.of(
                        "tied scores are decided together",
                        new double[] {0.7, 0.7, 0.2, 0.2, 0.9},
                        new boolean[] {true, false, true, false, true},
                        new Tuple[] {
                            tuple(0.9, 1.0 / 3, 1.0),
                            tuple(0.7, 2.0 / 3, 2.0 / 3),
                            tuple(0.2, 1.0, 3.0 / 5)
                        }),
                Arguments.of(
                        "only occupied rows: precision is always 1",
                        new double[] {0.3, 0.6},
                        new boolean[] {true, true},
                        new Tuple[] {tuple(0.6, 0.5, 1.0), tuple(0.3, 1.0, 1.0)}),
                Arguments.of(
                        "no occupied row: no curve",
                        new double[] {0.3, 0.9},
                        new boolean[] {false, false},
                        new Tuple[0]),
                Arguments.of("no rows", new double[0], new boolean[0], new Tuple[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onePointPerDistinctScoreHighestFirst(
            String name, double[] scores, boolean[] actual, Tuple[] expected) {
        assertThat(PrecisionRecallCurve.of(scores, actual))
                .extracting(p -> p.threshold, p -> p.recall, p -> p.precision)
                .containsExactly(expected);
    }
}
