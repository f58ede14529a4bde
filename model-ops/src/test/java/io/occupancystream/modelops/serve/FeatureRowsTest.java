package io.occupancystream.modelops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureRowsTest {
    private static final List<String> FEATURES = List.of("temperature", "sound", "sound_mean_5m");

    @TempDir Path dir;

    @Test
    void takesTheModelsColumnsInItsOrderFromEveryCsvFileInNameOrder() throws IOException {
        Path hour = Files.createDirectories(dir.resolve("dt=2017-12-22/hour=05"));
        Files.writeString(
                hour.resolve("part-b.csv"),
                "sound,temperature,sound_mean_5m,roomoccupancy\n0.2,71,0.3,false\n");
        Files.writeString(
                hour.resolve("part-a.csv"),
                "temperature,sound,sound_mean_5m,roomoccupancy\n70,0.1,0.15,true\n\n72,5,4,true\n");
        Files.writeString(hour.resolve(".part-c.csv.inprogress.csv"), "garbage\n");

        FeatureRows rows = FeatureRows.fromCsv(dir, FEATURES, 100);

        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.source()).isEqualTo("3 rows of 2 CSV files in " + dir);
        assertThat(text(rows.body(0, 3))).isEqualTo("70,0.1,0.15\n72,5,4\n71,0.2,0.3\n");
    }

    @Test
    void stopsAtTheLimit() throws IOException {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, "temperature,sound,sound_mean_5m\n1,2,3\n4,5,6\n7,8,9\n");

        assertThat(FeatureRows.fromCsv(file, FEATURES, 2).size()).isEqualTo(2);
    }

    @Test
    void bodiesWrapAroundTheRows() throws IOException {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, "temperature,sound,sound_mean_5m\n1,2,3\n4,5,6\n");

        assertThat(text(FeatureRows.fromCsv(file, FEATURES, 10).body(1, 3)))
                .isEqualTo("4,5,6\n1,2,3\n4,5,6\n");
    }

    @Test
    void rejectsFilesWithoutAFeature() throws IOException {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, "temperature,sound\n1,2\n");

        assertThatThrownBy(() -> FeatureRows.fromCsv(file, FEATURES, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " has no column sound_mean_5m (header: temperature,sound)");
    }

    @Test
    void rejectsRowsOfTheWrongLength() throws IOException {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, "temperature,sound,sound_mean_5m\n1,2,3\n1,2\n");

        assertThatThrownBy(() -> FeatureRows.fromCsv(file, FEATURES, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 3 has 2 values, the header 3");
    }

    @Test
    void rejectsAFolderWithoutRows() {
        assertThatThrownBy(() -> FeatureRows.fromCsv(dir, FEATURES, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no rows in the 0 CSV files in " + dir);
    }

    @Test
    void syntheticRowsAreDeterministicAndHaveEveryFeature() {
        FeatureRows rows = FeatureRows.synthetic(FEATURES, 50, 42);

        assertThat(rows.size()).isEqualTo(50);
        assertThat(rows.source()).isEqualTo("50 synthetic rows (seed 42)");
        assertThat(rows.body(0, 50)).isEqualTo(FeatureRows.synthetic(FEATURES, 50, 42).body(0, 50));
        for (String line : text(rows.body(0, 50)).split("\n")) {
            assertThat(line.split(",")).hasSize(3);
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
