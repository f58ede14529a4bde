package io.occupancystream.devicesim.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import io.occupancystream.devicesim.InputDataException;
import io.occupancystream.devicesim.delivery.DeliveryException;
import io.occupancystream.devicesim.delivery.ReadingTarget;
import io.occupancystream.devicesim.delivery.RecordedLine;
import io.occupancystream.job.reading.Reading;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Publishes each reading as its thermostat would: a shadow update, QoS 1, on {@code
 * $aws/things/<thingName>/shadow/update}, over one MQTT 3.1.1 connection per thing with the
 * thingName as client id (AWS IoT policies commonly require that). At most {@value #MAX_IN_FLIGHT}
 * publishes wait for their acknowledgement; {@link #flush()} waits for all of them.
 */
public final class MqttReadingTarget implements ReadingTarget {
    static final int MAX_IN_FLIGHT = 1000;

    private final String host;
    private final int port;
    private final MqttClientSslConfig ssl;
    private final PrintWriter report;
    private final Map<String, Mqtt3AsyncClient> clients = new LinkedHashMap<>();
    private final Deque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
    private long published;

    /**
     * @param ssl TLS settings, or null for plain MQTT
     */
    MqttReadingTarget(String host, int port, MqttClientSslConfig ssl, PrintWriter report) {
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.report = report;
    }

    @Override
    public void send(Reading reading) throws IOException {
        byte[] payload = ShadowUpdate.payload(reading).getBytes(StandardCharsets.UTF_8);
        if (inFlight.size() == MAX_IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        inFlight.addLast(
                client(reading.thingName)
                        .publishWith()
                        .topic(ShadowUpdate.topic(reading.thingName))
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload)
                        .send());
    }

    /** A recorded line holds what the IoT rule made of a shadow update, so only valid ones go. */
    @Override
    public void send(RecordedLine line) throws IOException {
        if (line.reading() == null) {
            throw new InputDataException(
                    line.file(),
                    line.number(),
                    "not a valid reading ("
                            + line.parsed().reason()
                            + "); --to mqtt publishes shadow updates, which only valid readings"
                            + " make: replay bad records --to kinesis");
        }
        send(line.reading());
    }

    private Mqtt3AsyncClient client(String thingName) throws DeliveryException {
        Mqtt3AsyncClient client = clients.get(thingName);
        if (client == null) {
            Mqtt3ClientBuilder builder =
                    MqttClient.builder()
                            .useMqttVersion3()
                            .identifier(thingName)
                            .serverHost(host)
                            .serverPort(port);
            if (ssl != null) {
                builder.sslConfig(ssl);
            }
            client = builder.buildAsync();
            try {
                client.connect().join();
            } catch (CompletionException e) {
                throw new DeliveryException(
                        "cannot connect to "
                                + host
                                + ":"
                                + port
                                + " as "
                                + thingName
                                + ": "
                                + e.getCause().getMessage(),
                        e.getCause());
            }
            clients.put(thingName, client);
        }
        return client;
    }

    private void await(CompletableFuture<?> publish) throws DeliveryException {
        try {
            publish.join();
            published++;
        } catch (CompletionException e) {
            throw new DeliveryException(
                    "a shadow update was not acknowledged by "
                            + host
                            + ":"
                            + port
                            + " ("
                            + published
                            + " were): "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void flush() throws IOException {
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            for (Mqtt3AsyncClient client : clients.values()) {
                client.disconnect().exceptionally(e -> null).join();
            }
            report.println(
                    "mqtt: published "
                            + published
                            + " shadow updates for "
                            + clients.size()
                            + " things to "
                            + host
                            + ":"
                            + port);
            report.flush();
        }
    }
}
