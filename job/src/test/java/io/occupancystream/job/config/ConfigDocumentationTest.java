package io.occupancystream.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.JobSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the list in {@link JobSettings#ALL}, row for row. */
class ConfigDocumentationTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void readmeDocumentsEveryKeyWithItsDefaultAndMeaning() throws IOException {
        List<String> documented =
                Files.readAllLines(README).stream()
                        .filter(line -> line.startsWith("| `"))
                        .filter(line -> JobSettings.ALL.byQualifiedName(keyOf(line)) != null)
                        .collect(Collectors.toList());
        List<String> expected =
                JobSettings.ALL.all().stream()
                        .map(ConfigDocumentationTest::row)
                        .collect(Collectors.toList());

        assertThat(documented)
                .as("README.md's configuration table should be:%n%s", String.join("\n", expected))
                .isEqualTo(expected);
    }

    private static String keyOf(String line) {
        int end = line.indexOf('`', 3);
        return end < 0 ? "" : line.substring(3, end);
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
