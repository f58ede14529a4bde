package io.occupancystream.devicesim.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.devicesim.InputDataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device's certificate comes from the JDK's keytool (the JDK has no API that makes one), as a
 * self-signed RSA certificate like the ones AWS IoT issues.
 */
class PemFilesTest {
    @TempDir static Path dir;

    private static Path certificate;
    private static PrivateKey key;

    @BeforeAll
    static void makeDeviceCertificate() throws Exception {
        Path store = dir.resolve("device.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        run(
                keytool.toString(),
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-alias",
                "device",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=sim-1",
                "-validity",
                "1");
        certificate = dir.resolve("device.pem.crt");
        run(
                keytool.toString(),
                "-exportcert",
                "-rfc",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-alias",
                "device",
                "-file",
                certificate.toString());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) keyStore.getKey("device", "changeit".toCharArray());
    }

    @Test
    void aCertificateAndItsPkcs8KeyMakeKeyManagersThatPresentThem() throws IOException {
        Path keyFile = pem("private.pem.key", "PRIVATE KEY", key.getEncoded());

        X509KeyManager keyManager =
                (X509KeyManager) PemFiles.keyManagers(certificate, keyFile).getKeyManagers()[0];

        assertThat(keyManager.getPrivateKey("device")).isEqualTo(key);
        assertThat((Object[]) keyManager.getCertificateChain("device"))
                .containsExactlyElementsOf(PemFiles.certificates(certificate));
    }

    @Test
    void anRsaPkcs1KeyAsAwsIotIssuesItReadsAsTheSameKey() throws IOException {
        Path keyFile = pem("private.pem.key", "RSA PRIVATE KEY", pkcs1(key));

        assertThat(PemFiles.privateKey(keyFile)).isEqualTo(key);
        assertThat(PemFiles.keyManagers(certificate, keyFile).getKeyManagers()).hasSize(1);
    }

    @Test
    void anEcPkcs8KeyReads() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        PrivateKey ec = generator.generateKeyPair().getPrivate();

        assertThat(PemFiles.privateKey(pem("ec.pem.key", "PRIVATE KEY", ec.getEncoded())))
                .isEqualTo(ec);
    }

    @Test
    void theCaFileIsWhatIsTrusted() throws IOException {
        X509TrustManager trustManager =
                (X509TrustManager) PemFiles.trustManagers(certificate).getTrustManagers()[0];

        assertThat((Object[]) trustManager.getAcceptedIssuers())
                .containsExactlyElementsOf(PemFiles.certificates(certificate));
    }

    @Test
    void aKeyOfAnotherDeviceIsRefused() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path keyFile = pem("other.pem.key", "PRIVATE KEY", other.getPrivate().getEncoded());

        assertThatThrownBy(() -> PemFiles.keyManagers(certificate, keyFile))
                .isInstanceOf(InputDataException.class)
                .hasMessage(keyFile + ": this key does not belong to " + certificate);
    }

    @Test
    void keyFormatsItCannotReadAreNamedWithTheWayOut() throws IOException {
        Path sec1 = pem("sec1.pem.key", "EC PRIVATE KEY", new byte[] {1, 2, 3});
        Path notPem = dir.resolve("key.der");
        Files.write(notPem, key.getEncoded());

        assertThatThrownBy(() -> PemFiles.privateKey(sec1))
                .isInstanceOf(InputDataException.class)
                .hasMessage(
                        sec1
                                + ": EC PRIVATE KEY is not supported; give an unencrypted PKCS#8"
                                + " PRIVATE KEY or an RSA PRIVATE KEY (openssl pkcs8 -topk8"
                                + " -nocrypt converts)");
        assertThatThrownBy(() -> PemFiles.privateKey(notPem))
                .isInstanceOf(InputDataException.class)
                .hasMessage(notPem + ": no PEM block (-----BEGIN ...-----)");
    }

    @Test
    void aFileWithoutACertificateIsRefused() throws IOException {
        Path keyFile = pem("private.pem.key", "PRIVATE KEY", key.getEncoded());

        assertThatThrownBy(() -> PemFiles.certificates(keyFile))
                .isInstanceOf(InputDataException.class)
                .hasMessageStartingWith(keyFile + ": ");
    }

    /** The RSAPrivateKey inside a 2048-bit key's PKCS#8 form, after its 26 header bytes. */
    private static byte[] pkcs1(PrivateKey rsa) {
        byte[] pkcs8 = rsa.getEncoded();
        assertThat(Arrays.copyOfRange(pkcs8, 22, 24)).containsExactly(0x04, 0x82);
        return Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    }

    private static Path pem(String name, String type, byte[] der) throws IOException {
        Path file = dir.resolve(name);
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        Files.writeString(
                file,
                "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
