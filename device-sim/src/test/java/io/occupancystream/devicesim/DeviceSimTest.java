package io.occupancystream.devicesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeviceSimTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .startsWith("Usage: device-sim [-h] [COMMAND]")
                .contains("import-roe", "simulate", "replay", "tail");
    }

    @Test
    void aSubcommandIsRequired() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing subcommand");
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        assertThat(run("import-everything")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unmatched argument at index 0: 'import-everything'");
    }

    private int run(String... args) {
        CommandLine commandLine = DeviceSim.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
