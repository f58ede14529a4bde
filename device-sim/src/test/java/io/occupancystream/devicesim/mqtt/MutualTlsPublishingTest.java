package io.occupancystream.devicesim.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.devicesim.DeviceSim;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * simulate --to mqtt over mutual TLS, as AWS IoT Core requires: an embedded Moquette broker with
 * its own certificate that accepts only device certificates it trusts, and device-sim connecting
 * with the device's certificate and key files and the broker's CA file. Certificates come from the
 * JDK's keytool.
 */
class MutualTlsPublishingTest {
    private static final String PASSWORD = "changeit";

    @TempDir static Path dir;

    private LocalBroker broker;
    private final StringWriter err = new StringWriter();
    private int tlsPort;
    private static Path brokerStore;
    private static Path brokerCa;
    private static Path deviceCertificate;
    private static Path deviceKey;
    private static Path strangerCertificate;
    private static Path strangerKey;

    @BeforeAll
    static void makeCertificates() throws Exception {
        brokerStore = dir.resolve("broker.p12");
        keytool(
                "-genkeypair",
                "-keystore",
                brokerStore.toString(),
                "-alias",
                "broker",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "1");
        brokerCa = dir.resolve("broker-ca.pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-keystore",
                brokerStore.toString(),
                "-alias",
                "broker",
                "-file",
                brokerCa.toString());
        deviceCertificate = dir.resolve("device.pem.crt");
        deviceKey = device("device", deviceCertificate);
        strangerCertificate = dir.resolve("stranger.pem.crt");
        strangerKey = device("stranger", strangerCertificate);
        // The broker trusts the device's certificate, as AWS IoT trusts a registered one.
        keytool(
                "-importcert",
                "-noprompt",
                "-keystore",
                brokerStore.toString(),
                "-alias",
                "device",
                "-file",
                deviceCertificate.toString());
    }

    @BeforeEach
    void startBroker() throws Exception {
        tlsPort = LocalBroker.freePort();
        Properties tls = new Properties();
        tls.setProperty("ssl_port", Integer.toString(tlsPort));
        tls.setProperty("jks_path", brokerStore.toString());
        tls.setProperty("key_store_type", "pkcs12");
        tls.setProperty("key_store_password", PASSWORD);
        tls.setProperty("key_manager_password", PASSWORD);
        tls.setProperty("need_client_auth", "true");
        broker = new LocalBroker(dir.resolve("moquette-" + tlsPort), tls);
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void trustedDeviceCertificatePublishesOverTls() throws InterruptedException {
        int exitCode = simulate(deviceCertificate, deviceKey);

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(broker.received.poll(10, TimeUnit.SECONDS))
                .startsWith("$aws/things/sim-1/shadow/update {");
        assertThat(broker.received.poll(10, TimeUnit.SECONDS))
                .startsWith("$aws/things/sim-1/shadow/update {");
        assertThat(err.toString())
                .startsWith(
                        "mqtt: published 2 shadow updates for 1 things to 127.0.0.1:" + tlsPort);
    }

    @Test
    void untrustedDeviceCertificateIsRefusedAndSaysSo() throws InterruptedException {
        int exitCode = simulate(strangerCertificate, strangerKey);

        assertThat(exitCode).isEqualTo(DeviceSim.EXIT_BAD_INPUT);
        assertThat(err.toString())
                .contains(
                        "device-sim simulate: cannot connect to 127.0.0.1:"
                                + tlsPort
                                + " as sim-1: ")
                .contains("BAD_CERTIFICATE");
        assertThat(broker.received.poll(1, TimeUnit.SECONDS)).isNull();
    }

    private int simulate(Path certificate, Path key) {
        CommandLine commandLine = DeviceSim.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(
                "simulate",
                "--to",
                "mqtt",
                "--mqtt-host",
                "127.0.0.1",
                "--mqtt-port",
                Integer.toString(tlsPort),
                "--cert",
                certificate.toString(),
                "--key",
                key.toString(),
                "--ca",
                brokerCa.toString(),
                "--devices",
                "1",
                "--duration",
                "2s",
                "--speed",
                "0");
    }

    /**
     * A device key pair: writes its certificate PEM to {@code certificate}, returns the key PEM.
     */
    private static Path device(String name, Path certificate) throws Exception {
        Path store = dir.resolve(name + ".p12");
        keytool(
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=" + name,
                "-validity",
                "1");
        keytool(
                "-exportcert",
                "-rfc",
                "-keystore",
                store.toString(),
                "-alias",
                name,
                "-file",
                certificate.toString());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        byte[] der = keyStore.getKey(name, PASSWORD.toCharArray()).getEncoded();
        Path key = dir.resolve(name + ".pem.key");
        Files.writeString(
                key,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
        return key;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 5];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "-storetype";
        command[args.length + 2] = "PKCS12";
        command[args.length + 3] = "-storepass";
        command[args.length + 4] = PASSWORD;
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
