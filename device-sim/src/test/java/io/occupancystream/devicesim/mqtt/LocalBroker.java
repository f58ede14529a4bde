package io.occupancystream.devicesim.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An embedded Moquette broker on a free loopback port, with a subscriber on the shadow-update
 * topics that keeps each message as {@code "TOPIC PAYLOAD"}.
 */
final class LocalBroker implements AutoCloseable {
    final int port;
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Server broker = new Server();
    private final Mqtt3AsyncClient subscriber;

    /** Starts it; {@code extra} adds broker settings, such as a TLS port and keystore. */
    LocalBroker(Path dataDir, Properties extra) throws IOException {
        port = freePort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("data_path", dataDir.toString());
        p.putAll(extra);
        broker.startServer(new MemoryConfig(p));
        subscriber =
                MqttClient.builder()
                        .useMqttVersion3()
                        .identifier("test-subscriber")
                        .serverHost("127.0.0.1")
                        .serverPort(port)
                        .buildAsync();
        subscriber.connect().join();
        subscriber
                .subscribeWith()
                .topicFilter("$aws/things/+/shadow/update")
                .qos(MqttQos.AT_LEAST_ONCE)
                .callback(
                        publish ->
                                received.add(
                                        publish.getTopic()
                                                + " "
                                                + new String(
                                                        publish.getPayloadAsBytes(),
                                                        StandardCharsets.UTF_8)))
                .send()
                .join();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        subscriber.disconnect().join();
        broker.stopServer();
    }
}
