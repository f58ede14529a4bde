package io.occupancystream.devicesim.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.devicesim.DeviceSim;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
    private static final List<String> RECORDING =
            List.of(
                    reading("roe-s1", 1_513_919_981L),
                    reading("roe-s2", 1_513_919_981L),
                    reading("roe-s1", 1_513_919_991L),
                    "{\"thingName\":\"roe-s1\"",
                    reading("roe-s1", 1_513_920_011L));

    @TempDir Path dir;

    private long nowNanos = 2_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    @Test
    void keepsTheRecordedGapsDividedBySpeed() throws IOException {
        Path in = recording();
        Path out = dir.resolve("out.jsonl");

        assertThat(replay("--in", in.toString(), "--speed", "10", "--out", out.toString()))
                .isZero();

        // 10 and 30 recorded seconds after the first reading.
        assertThat(sleeps).containsExactly(1_000_000_000L, 2_000_000_000L);
        assertThat(err.toString())
                .isEqualTo(
                        "replay: sent 5 lines (1 not valid readings) from "
                                + in
                                + " to "
                                + out
                                + ", in 3.0 s"
                                + System.lineSeparator());
    }

    @Test
    void sendsEveryLineAsRecordedBadOnesToo() throws IOException {
        Path in = recording();
        Path out = dir.resolve("out.jsonl.gz");

        assertThat(replay("--in", in.toString(), "--speed", "0", "--out", out.toString())).isZero();

        assertThat(sleeps).isEmpty();
        assertThat(readGzip(out)).isEqualTo(RECORDING);
    }

    @Test
    void stopsAtTheFirstBadLineWhenPublishingShadowUpdates() throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.write(in, List.of("{\"thingName\":\"roe-s1\""), StandardCharsets.UTF_8);

        // The line is refused before any broker is needed.
        assertThat(
                        replay(
                                "--in",
                                in.toString(),
                                "--speed",
                                "0",
                                "--to",
                                "mqtt",
                                "--mqtt-port",
                                "1"))
                .isEqualTo(1);

        assertThat(err.toString())
                .isEqualTo(
                        "mqtt: published 0 shadow updates for 0 things to 127.0.0.1:1"
                                + System.lineSeparator()
                                + "device-sim replay: "
                                + in
                                + " line 1: not a valid reading (MALFORMED_JSON); --to mqtt"
                                + " publishes shadow updates, which only valid readings make:"
                                + " replay bad records --to kinesis"
                                + System.lineSeparator());
    }

    private Path recording() throws IOException {
        Path in = dir.resolve("recording.jsonl");
        Files.write(in, RECORDING, StandardCharsets.UTF_8);
        return in;
    }

    private int replay(String... args) {
        CommandLine commandLine = DeviceSim.commandLine();
        ReplayCommand replay = commandLine.getSubcommands().get("replay").getCommand();
        replay.nanoClock = () -> nowNanos;
        replay.sleeper =
                nanos -> {
                    sleeps.add(nanos);
                    nowNanos += nanos;
                };
        commandLine.setErr(new PrintWriter(err, true));
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "replay";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        return commandLine.execute(withCommand);
    }

    private static List<String> readGzip(Path file) throws IOException {
        try (var reader = io.occupancystream.devicesim.RecordingFiles.newReader(file)) {
            List<String> lines = new ArrayList<>();
            reader.lines().forEach(lines::add);
            return lines;
        }
    }

    private static String reading(String thing, long timestamp) {
        return "{\"thingName\":\""
                + thing
                + "\",\"timestamp\":"
                + timestamp
                + ",\"state\":{\"reported\":{\"temperature\":76.89,\"sound\":0.08,"
                + "\"hvacStatus\":\"STANDBY\",\"roomOccupancy\":true}}}";
    }
}
