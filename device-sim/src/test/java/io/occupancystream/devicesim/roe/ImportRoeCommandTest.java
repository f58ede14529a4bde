package io.occupancystream.devicesim.roe;

import static io.occupancystream.devicesim.roe.RoeFirstRows.FIRST_ROW;
import static io.occupancystream.devicesim.roe.RoeFirstRows.SECOND_ROW;
import static io.occupancystream.devicesim.roe.RoeFirstRows.csv;
import static io.occupancystream.devicesim.roe.RoeFirstRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.devicesim.DeviceSim;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportRoeCommandTest {
    @TempDir Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void writesJsonLinesAndPrintsASummary() throws IOException {
        Path in = RoeFirstRows.path();
        Path out = dir.resolve("roe.jsonl");

        int exitCode = run("import-roe", "--in", in.toString(), "--out", out.toString());

        assertThat(exitCode).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo(RoeFirstRows.jsonText());
        assertThat(err.toString())
                .isEqualTo(
                        "import-roe: read 3 rows from "
                                + in
                                + ", wrote 12 readings (12 occupied) to "
                                + out
                                + ", from 2017-12-22T05:19:41Z to 2017-12-22T05:20:42Z"
                                + System.lineSeparator());
    }

    @Test
    void readsAndWritesGzip() throws IOException {
        Path in = dir.resolve("roe.csv.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(in))) {
            Files.copy(RoeFirstRows.path(), gzip);
        }
        Path out = dir.resolve("roe.jsonl.gz");

        int exitCode = run("import-roe", "--in", in.toString(), "--out", out.toString());

        assertThat(exitCode).isZero();
        try (InputStream gunzip = new GZIPInputStream(Files.newInputStream(out))) {
            assertThat(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(RoeFirstRows.jsonText());
        }
    }

    @Test
    void writesTheSameGzipBytesEveryTime() throws IOException {
        Path first = dir.resolve("first.jsonl.gz");
        Path second = dir.resolve("second.jsonl.gz");

        run("import-roe", "--in", RoeFirstRows.path().toString(), "--out", first.toString());
        run("import-roe", "--in", RoeFirstRows.path().toString(), "--out", second.toString());

        byte[] gzip = Files.readAllBytes(first);
        assertThat(second).hasBinaryContent(gzip);
        // Gzip header: no FLG bits (so no file name), MTIME zero.
        assertThat(Arrays.copyOfRange(gzip, 3, 8)).containsOnly(0);
    }

    @Test
    void exitsWithOneNamingFileAndLineOfBadData() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, csv(FIRST_ROW, with(SECOND_ROW, "S2_Temp", "x")));
        Path out = dir.resolve("roe.jsonl");

        int exitCode = run("import-roe", "--in", in.toString(), "--out", out.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo(
                        "device-sim import-roe: "
                                + in
                                + " line 3: S2_Temp is not a number: 'x'"
                                + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void exitsWithOneForAMissingInputFile() {
        Path in = dir.resolve("missing.csv");

        int exitCode =
                run(
                        "import-roe",
                        "--in",
                        in.toString(),
                        "--out",
                        dir.resolve("x.jsonl").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("device-sim import-roe: no such file: " + in + System.lineSeparator());
    }

    @Test
    void exitsWithTwoWhenAnOptionIsMissing() {
        int exitCode = run("import-roe", "--in", RoeFirstRows.path().toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required option: '--out=FILE'");
    }

    private int run(String... args) {
        CommandLine commandLine = DeviceSim.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
