package io.occupancystream.devicesim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training rows compared per window by sorted-content hash, with rows lost and duplicated. */
class TrainingWindowsTest {
    private static final Map<String, List<String>> EXPECTED =
            Map.of(
                    "2024-01-08--09",
                    List.of("a,1", "b,2", "c,3"),
                    "2024-01-08--10",
                    List.of("d,4"));

    @Test
    void sameRowsInAnotherOrderAreTheSameWindow() {
        TrainingWindows same =
                TrainingWindows.compare(
                        EXPECTED,
                        Map.of(
                                "2024-01-08--09", List.of("c,3", "a,1", "b,2"),
                                "2024-01-08--10", List.of("d,4")));

        assertThat(same.windows).isEqualTo(2);
        assertThat(same.rows).isEqualTo(4);
        assertThat(same.lost).isZero();
        assertThat(same.duplicated).isZero();
        assertThat(same.windowsDiffering).isZero();
    }

    @Test
    void countsRowsLostAndDuplicatedAndWindowsMissingOrExtra() {
        TrainingWindows differing =
                TrainingWindows.compare(
                        EXPECTED,
                        Map.of(
                                "2024-01-08--09", List.of("a,1", "a,1", "b,2"),
                                "2024-01-08--11", List.of("e,5")));

        assertThat(differing.lost).isEqualTo(2); // c,3 and the missing window's d,4
        assertThat(differing.duplicated).isEqualTo(2); // a,1 again and the extra window's e,5
        assertThat(differing.windowsDiffering).isEqualTo(3);
    }
}
