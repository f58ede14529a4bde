package io.occupancystream.devicesim.mqtt;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where to publish device shadow updates: AWS IoT Core (TLS on 8883 with the device's X.509
 * certificate files) or a local broker such as mosquitto (plain 1883).
 */
public final class MqttOptions {
    static final int PLAIN_PORT = 1883;
    static final int TLS_PORT = 8883;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--mqtt-host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description =
                    "With --to mqtt: the broker, e.g. the account's AWS IoT endpoint"
                            + " xxxx-ats.iot.REGION.amazonaws.com (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--mqtt-port",
            paramLabel = "PORT",
            description = "With --to mqtt: the broker port (default: 8883 with TLS, else 1883).")
    Integer port;

    @Option(
            names = "--cert",
            paramLabel = "FILE",
            description = "With --to mqtt: the device certificate PEM file; turns TLS on.")
    Path certificate;

    @Option(
            names = "--key",
            paramLabel = "FILE",
            description =
                    "With --to mqtt: the certificate's private key PEM file (PKCS#8, or RSA"
                            + " PKCS#1 as AWS IoT issues it).")
    Path privateKey;

    @Option(
            names = "--ca",
            paramLabel = "FILE",
            description =
                    "With --to mqtt and TLS: the CA certificates PEM file to trust, e.g."
                            + " AmazonRootCA1.pem (default: the JDK's trusted CAs).")
    Path ca;

    private boolean tls() {
        return certificate != null || privateKey != null || ca != null;
    }

    private int port() {
        if (port != null) {
            return port;
        }
        return tls() ? TLS_PORT : PLAIN_PORT;
    }

    /** A target that publishes one shadow update per reading; fails fast on bad TLS files. */
    public MqttReadingTarget open(PrintWriter report) throws IOException {
        if ((certificate == null) != (privateKey == null)) {
            throw new ParameterException(mixee.commandLine(), "--cert and --key go together");
        }
        MqttClientSslConfig ssl = null;
        if (tls()) {
            var builder = MqttClientSslConfig.builder();
            if (certificate != null) {
                builder.keyManagerFactory(PemFiles.keyManagers(certificate, privateKey));
            }
            if (ca != null) {
                builder.trustManagerFactory(PemFiles.trustManagers(ca));
            }
            ssl = builder.build();
        }
        return new MqttReadingTarget(host, port(), ssl, report);
    }

    public String describe() {
        return (tls() ? "mqtts://" : "mqtt://") + host + ":" + port();
    }
}
