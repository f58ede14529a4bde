package io.occupancystream.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.JobSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The settings table in docs/configuration.md is the list in {@link JobSettings#ALL}, row for row:
 * a key missing, added, reordered, or with another default or meaning fails, and so does a missing
 * table.
 */
class ConfigDocumentationTest {
    private static final Path CONFIGURATION = Path.of("..", "docs", "configuration.md");
    private static final String TABLE_HEADER = "| key | default | meaning |";

    @Test
    void configurationPageDocumentsEveryKeyWithItsDefaultAndMeaning() throws IOException {
        List<String> page = Files.readAllLines(CONFIGURATION);
        List<String> documented =
                page.stream().filter(line -> line.startsWith("| `")).collect(Collectors.toList());
        List<String> expected =
                JobSettings.ALL.all().stream()
                        .map(ConfigDocumentationTest::row)
                        .collect(Collectors.toList());

        assertThat(page).as("docs/configuration.md's settings table").contains(TABLE_HEADER);
        assertThat(documented)
                .as(
                        "docs/configuration.md's settings table should be:%n%s",
                        String.join("\n", expected))
                .isEqualTo(expected);
    }

    private static String row(Setting<?> key) {
        String defaultValue =
                key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
        return "| `"
                + key.qualifiedName()
                + "` | "
                + defaultValue
                + " | "
                + key.description().replace("|", "\\|")
                + " |";
    }
}
