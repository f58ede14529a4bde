package io.occupancystream.devicesim;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.devicesim.kinesis.KinesisStreams;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkBytes;

/** simulate, replay and tail against kinesalite, through the command line as a user runs them. */
class KinesisRoundTripTest {
    private static final Path TEST_DATA = Path.of("..", "test-data");

    @RegisterExtension static final LocalKinesis KINESIS = new LocalKinesis();

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void simulatedReadingsComeBackFromTheStreamAsTheSameSeedWritesThemToAFile() throws Exception {
        createStream("simulated", 2);
        Path file = dir.resolve("sim.jsonl");
        String[] simulation = {"simulate", "--seed", "7", "--devices", "4", "--duration", "10m"};

        assertThat(run(simulation, "--to", "file", "--out", file.toString())).isZero();
        assertThat(run(simulation, "--to", "kinesis", "--speed", "0", "--stream", "simulated"))
                .isZero();
        assertThat(run("tail", "--stream", "simulated", "--limit", "2400", "--timeout", "10s"))
                .isZero();

        List<String> recorded = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(recorded).hasSize(2400);
        assertThat(lines(out)).containsExactlyInAnyOrderElementsOf(recorded);
        // A thing's readings share a partition key, so one shard, in order.
        for (String thing : List.of("sim-1", "sim-2", "sim-3", "sim-4")) {
            assertThat(ofThing(lines(out), thing)).isEqualTo(ofThing(recorded, thing));
        }
        assertThat(err.toString())
                .containsPattern(
                        "kinesis: put 2400 records to simulated in 5 PutRecords calls,"
                                + " 0 entries retried, 0 lost, \\d+ records/s\\R"
                                + "simulate: wrote 2400 readings from 4 thermostats to Kinesis"
                                + " stream simulated at http://127\\.0\\.0\\.1:\\d+, ")
                .contains("tail: 2400 records from simulated");
    }

    @Test
    void aReplayedRecordingOfBadReadingsComesBackLineForLine() throws Exception {
        createStream("replayed", 1);
        Path recording = TEST_DATA.resolve("bad-readings.jsonl");

        assertThat(
                        run(
                                "replay",
                                "--in",
                                recording.toString(),
                                "--speed",
                                "0",
                                "--to",
                                "kinesis",
                                "--stream",
                                "replayed"))
                .isZero();
        assertThat(run("tail", "--stream", "replayed", "--timeout", "2s")).isZero();

        assertThat(lines(out)).isEqualTo(Files.readAllLines(recording, StandardCharsets.UTF_8));
    }

    @Test
    void tailFromLatestSkipsWhatIsAlreadyThereAndStopsWhenIdle() throws Exception {
        createStream("latest", 1);
        KINESIS.client()
                .putRecord(
                        r ->
                                r.streamName("latest")
                                        .partitionKey("sim-1")
                                        .data(SdkBytes.fromUtf8String("old")));

        assertThat(run("tail", "--stream", "latest", "--from", "LATEST", "--timeout", "1s"))
                .isZero();

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("tail: 0 records from latest");
    }

    @Test
    void tailStopsAfterTheLimit() throws Exception {
        createStream("limited", 1);
        for (String data : List.of("one", "two", "three")) {
            KINESIS.client()
                    .putRecord(
                            r ->
                                    r.streamName("limited")
                                            .partitionKey("sim-1")
                                            .data(SdkBytes.fromUtf8String(data)));
        }

        assertThat(run("tail", "--stream", "limited", "--limit", "2")).isZero();

        assertThat(lines(out)).containsExactly("one", "two");
    }

    @Test
    void aMissingStreamIsAOneLineError() {
        assertThat(
                        run(
                                "simulate",
                                "--to",
                                "kinesis",
                                "--stream",
                                "no-such-stream",
                                "--duration",
                                "1s"))
                .isEqualTo(1);

        assertThat(err.toString())
                .startsWith(
                        "device-sim simulate: cannot put readings into stream no-such-stream:"
                                + " Stream no-such-stream under account");
    }

    private void createStream(String name, int shards) throws InterruptedException {
        KinesisStreams.createActive(KINESIS.client(), name, shards, Duration.ofSeconds(10));
    }

    private int run(String[] command, String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(command));
        args.addAll(Arrays.asList(more));
        return run(args.toArray(new String[0]));
    }

    private int run(String... args) {
        List<String> withEndpoint = new ArrayList<>(Arrays.asList(args));
        if (withEndpoint.contains("--stream")) {
            withEndpoint.addAll(
                    List.of(
                            "--region",
                            "us-east-1",
                            "--endpoint-url",
                            KINESIS.endpoint().toString()));
        }
        CommandLine commandLine = DeviceSim.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(withEndpoint.toArray(new String[0]));
    }

    private static List<String> lines(StringWriter writer) {
        return writer.toString().lines().collect(Collectors.toList());
    }

    private static List<String> ofThing(List<String> lines, String thing) {
        List<String> ofThing = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{\"thingName\":\"" + thing + "\",")) {
                ofThing.add(line);
            }
        }
        return ofThing;
    }
}
