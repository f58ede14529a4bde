package io.occupancystream.devicesim.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.devicesim.DeviceSim;
import io.occupancystream.job.reading.ParsedReading;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
    private static final long MONDAY_2024_01_08 = 1704672000L;

    @TempDir Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void writesAnHourOfFourThermostatsEverySecond() throws IOException {
        Path out = dir.resolve("sim.jsonl");

        int exitCode =
                run(
                        "simulate",
                        "--interval-seconds",
                        "1",
                        "--duration",
                        "PT1H",
                        "--devices",
                        "4",
                        "--out",
                        out.toString());

        assertThat(exitCode).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(14_400);
        List<Reading> readings = new ArrayList<>();
        for (String line : lines) {
            ParsedReading parsed = ReadingJson.parse(line, Long.MAX_VALUE);
            assertThat(parsed.isValid()).as(line).isTrue();
            assertThat(parsed.reading().hvacStatus).isNotNull();
            assertThat(parsed.reading().roomOccupancy).isNotNull();
            readings.add(parsed.reading());
        }
        for (int i = 0; i < readings.size(); i++) {
            Reading reading = readings.get(i);
            assertThat(reading.timestamp).isEqualTo(MONDAY_2024_01_08 + i / 4);
            assertThat(reading.thingName).isEqualTo("sim-" + (i % 4 + 1));
        }
    }

    @Test
    void timestampsAreOneIntervalApartPerThermostat() throws IOException {
        Path out = dir.resolve("sim.jsonl");

        run(
                "simulate",
                "--interval-seconds",
                "5",
                "--duration",
                "10m",
                "--devices",
                "3",
                "--thing-prefix",
                "room-",
                "--out",
                out.toString());

        Map<String, List<Long>> timestamps = new HashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            Reading reading = ReadingJson.parse(line, Long.MAX_VALUE).reading();
            timestamps
                    .computeIfAbsent(reading.thingName, k -> new ArrayList<>())
                    .add(reading.timestamp);
        }
        assertThat(timestamps).containsOnlyKeys("room-1", "room-2", "room-3");
        for (List<Long> times : timestamps.values()) {
            assertThat(times).hasSize(120);
            for (int i = 0; i < times.size(); i++) {
                assertThat(times.get(i)).isEqualTo(MONDAY_2024_01_08 + 5L * i);
            }
        }
    }

    @Test
    void theSameOptionsGiveTheSameBytes() throws IOException {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");

        run("simulate", "--seed", "42", "--duration", "PT30M", "--out", first.toString());
        run("simulate", "--seed", "42", "--duration", "PT30M", "--out", second.toString());

        assertThat(Files.size(first)).isGreaterThan(0);
        assertThat(second).hasSameBinaryContentAs(first);
    }

    @Test
    void anotherSeedGivesOtherReadings() throws IOException {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");

        run("simulate", "--seed", "42", "--duration", "PT30M", "--out", first.toString());
        run("simulate", "--seed", "43", "--duration", "PT30M", "--out", second.toString());

        List<String> firstLines = Files.readAllLines(first, StandardCharsets.UTF_8);
        List<String> secondLines = Files.readAllLines(second, StandardCharsets.UTF_8);
        assertThat(secondLines).hasSameSizeAs(firstLines).isNotEqualTo(firstLines);
    }

    @Test
    void writesTheSameGzipBytesEveryTime() throws IOException {
        Path plain = dir.resolve("sim.jsonl");
        Path first = dir.resolve("first.jsonl.gz");
        Path second = dir.resolve("second.jsonl.gz");

        run("simulate", "--duration", "PT10M", "--out", plain.toString());
        run("simulate", "--duration", "PT10M", "--out", first.toString());
        run("simulate", "--duration", "PT10M", "--out", second.toString());

        assertThat(second).hasSameBinaryContentAs(first);
        try (InputStream gunzip = new GZIPInputStream(Files.newInputStream(first))) {
            assertThat(gunzip.readAllBytes()).isEqualTo(Files.readAllBytes(plain));
        }
    }

    @Test
    void theDefaultStartIsTheDocumentedMonday() throws IOException {
        Path out = dir.resolve("sim.jsonl");

        run("simulate", "--duration", "PT1S", "--out", out.toString());

        assertThat(SimulationSettings.DEFAULT_START)
                .isEqualTo(Instant.ofEpochSecond(MONDAY_2024_01_08));
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
                .hasSize(4)
                .allSatisfy(line -> assertThat(line).contains("\"timestamp\":1704672000,"));
    }

    @Test
    void theStartAndZoneMoveTheSchedule() throws IOException {
        Path utc = dir.resolve("utc.jsonl");
        Path tokyo = dir.resolve("tokyo.jsonl");
        // 01:00 UTC is 10:00 in Tokyo, working hours.
        String start = "2024-01-09T01:00:00Z";

        run("simulate", "--start", start, "--duration", "PT1M", "--out", utc.toString());
        run(
                "simulate",
                "--start",
                start,
                "--zone",
                "Asia/Tokyo",
                "--duration",
                "PT1M",
                "--out",
                tokyo.toString());

        assertThat(Files.readString(utc, StandardCharsets.UTF_8))
                .doesNotContain("\"roomOccupancy\":true");
        assertThat(Files.readString(tokyo, StandardCharsets.UTF_8))
                .contains("\"roomOccupancy\":true");
    }

    @Test
    void printsASummary() {
        Path out = dir.resolve("sim.jsonl");

        run("simulate", "--duration", "PT1H", "--out", out.toString());

        assertThat(err.toString())
                .matches(
                        "simulate: wrote 14400 readings from 4 thermostats to "
                                + java.util.regex.Pattern.quote(out.toString())
                                + ", 2024-01-08T00:00:00Z to 2024-01-08T00:59:59Z, 0\\.0%"
                                + " occupied, in \\d+\\.\\d s\\R");
    }

    @Test
    void pacesReadingsBySpeed() {
        Path out = dir.resolve("sim.jsonl");
        long[] now = {1_000_000_000L};
        List<Long> sleeps = new ArrayList<>();
        SimulateCommand command = new SimulateCommand();
        command.nanoClock = () -> now[0];
        command.sleeper =
                nanos -> {
                    sleeps.add(nanos);
                    now[0] += nanos;
                };
        CommandLine commandLine = new CommandLine(command);
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode =
                commandLine.execute(
                        "--speed",
                        "4",
                        "--duration",
                        "PT20S",
                        "--interval-seconds",
                        "5",
                        "--out",
                        out.toString());

        assertThat(exitCode).isZero();
        // Ticks at 0, 5, 10 and 15 simulated seconds go out at 0, 1.25, 2.5 and 3.75 s.
        assertThat(sleeps).containsExactly(1_250_000_000L, 1_250_000_000L, 1_250_000_000L);
        assertThat(err.toString()).endsWith(" in 3.8 s" + System.lineSeparator());
    }

    @Test
    void asFastAsPossibleDoesNotSleep() {
        List<Long> sleeps = new ArrayList<>();
        SimulateCommand command = new SimulateCommand();
        command.sleeper = sleeps::add;

        int exitCode =
                new CommandLine(command)
                        .execute(
                                "--as-fast-as-possible",
                                "--duration",
                                "PT1M",
                                "--out",
                                dir.resolve("sim.jsonl").toString());

        assertThat(exitCode).isZero();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void exitsWithTwoForBadOptions() {
        String out = dir.resolve("sim.jsonl").toString();

        assertThat(run("simulate", "--devices", "0", "--out", out)).isEqualTo(2);
        assertThat(run("simulate", "--speed", "-1", "--out", out)).isEqualTo(2);
        assertThat(run("simulate", "--speed", "2", "--as-fast-as-possible", "--out", out))
                .isEqualTo(2);
        assertThat(run("simulate", "--duration", "PT0S", "--out", out)).isEqualTo(2);
        assertThat(run("simulate", "--thing-prefix", "bad prefix", "--out", out)).isEqualTo(2);
        assertThat(run("simulate", "--to", "kinesis", "--out", out)).isEqualTo(2);
        assertThat(run("simulate", "--to", "carrier-pigeon", "--out", out)).isEqualTo(2);
        assertThat(run("simulate", "--to", "mqtt", "--cert", "device.pem.crt")).isEqualTo(2);
        assertThat(run("simulate")).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "devices must be at least 1, got 0",
                        "--speed must be 0 or more",
                        "--as-fast-as-possible contradicts --speed 2.0",
                        "--duration PT0S is shorter than one interval",
                        "thing prefix 'bad prefix' must make names",
                        "missing --stream NAME (the Kinesis data stream)",
                        "Invalid value for option '--to': expected one of [file, kinesis, mqtt]",
                        "--cert and --key go together",
                        "--to file needs --out FILE");
        assertThat(dir.resolve("sim.jsonl")).doesNotExist();
    }

    private int run(String... args) {
        CommandLine commandLine = DeviceSim.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
