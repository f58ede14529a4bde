package io.occupancystream.devicesim.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.devicesim.DeviceSim;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** simulate --to mqtt against an embedded Moquette broker on loopback. */
class ShadowUpdatePublishingTest {
    private static final String STANDBY_EMPTY =
            "\"hvacStatus\":\"STANDBY\",\"roomOccupancy\":false}}}";

    @TempDir Path dir;

    private final StringWriter err = new StringWriter();
    private LocalBroker broker;
    private BlockingQueue<String> received;
    private int port;

    @BeforeEach
    void startBroker() throws IOException {
        broker = new LocalBroker(dir.resolve("moquette"), new Properties());
        received = broker.received;
        port = broker.port;
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void eachReadingIsAShadowUpdateOnItsThingsTopic() throws InterruptedException {
        int exitCode =
                run(
                        "simulate",
                        "--to",
                        "mqtt",
                        "--mqtt-port",
                        Integer.toString(port),
                        "--devices",
                        "2",
                        "--duration",
                        "2s",
                        "--speed",
                        "0");

        assertThat(exitCode).as(err.toString()).isZero();
        List<String> messages = new ArrayList<>();
        while (messages.size() < 4) {
            String message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("message %d of 4", messages.size() + 1).isNotNull();
            messages.add(message);
        }
        String sim1 = "$aws/things/sim-1/shadow/update ";
        String sim2 = "$aws/things/sim-2/shadow/update ";
        String reported = "{\"state\":{\"reported\":{\"temperature\":";
        List<String> expected =
                List.of(
                        sim1 + reported + "69.2,\"sound\":5.0," + STANDBY_EMPTY,
                        sim1 + reported + "69.21,\"sound\":5.0," + STANDBY_EMPTY,
                        sim2 + reported + "65.71,\"sound\":3.0," + STANDBY_EMPTY,
                        sim2 + reported + "65.71,\"sound\":6.0," + STANDBY_EMPTY);
        assertThat(messages).containsExactlyInAnyOrderElementsOf(expected);
        // Each thing has its own connection: its updates keep their order, things interleave.
        assertThat(messages.stream().filter(m -> m.startsWith(sim1)))
                .containsExactly(expected.get(0), expected.get(1));
        assertThat(messages.stream().filter(m -> m.startsWith(sim2)))
                .containsExactly(expected.get(2), expected.get(3));
        assertThat(err.toString())
                .startsWith("mqtt: published 4 shadow updates for 2 things to 127.0.0.1:" + port);
    }

    private int run(String... args) {
        CommandLine commandLine = DeviceSim.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
