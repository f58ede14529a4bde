package io.occupancystream.modelops.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.modelops.ModelOps;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DescribeDataCommandTest {
    private static final String HEADER = "temperature,sound,roomoccupancy";

    @Test
    void listsRowsAndOccupiedRowsPerWindowThenTheTotals(@TempDir Path dir) throws Exception {
        write(dir.resolve("dt=2024-01-08/hour=09/part-a-0.csv"), "70,12,1", "70,1,0", "71,14,1");
        write(dir.resolve("dt=2024-01-08/hour=09/part-b-0.csv"), "69,0,0");
        write(dir.resolve("dt=2024-01-08/hour=10/part-a-1.csv"), "72,20,1");
        StringWriter out = new StringWriter();
        CommandLine cli = ModelOps.commandLine().setOut(new PrintWriter(out, true));

        int code = cli.execute("describe-data", "--data", dir.toString());

        assertThat(code).isZero();
        String hash = new TrainingSetReader("roomoccupancy", null, null).read(dir).dataHash();
        assertThat(out.toString())
                .isEqualTo(
                        "window (UTC)               rows  occupied\n"
                                + "2024-01-08T09:00:00Z          4         2\n"
                                + "2024-01-08T10:00:00Z          1         1\n"
                                + "5 rows (3 occupied) in 2 windows and 3 files under "
                                + dir
                                + "; data hash "
                                + hash
                                + "\n");
    }

    private static void write(Path file, String... rows) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
    }
}
