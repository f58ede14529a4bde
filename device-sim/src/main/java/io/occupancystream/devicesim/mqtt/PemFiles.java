package io.occupancystream.devicesim.mqtt;

import io.occupancystream.devicesim.InputDataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads the PEM files AWS IoT Core issues for a device: its X.509 certificate, its private key
 * (PKCS#8 {@code PRIVATE KEY}, or the RSA PKCS#1 {@code RSA PRIVATE KEY} that AWS IoT hands out),
 * and the CA to trust. Problems are {@link InputDataException}s that name the file.
 */
final class PemFiles {
    private static final Pattern BLOCK =
            Pattern.compile(
                    "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final char[] IN_MEMORY_PASSWORD = "device-sim".toCharArray();

    /** rsaEncryption's AlgorithmIdentifier: SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }. */
    private static final byte[] RSA_ALGORITHM = {
        0x30,
        0x0d,
        0x06,
        0x09,
        0x2a,
        (byte) 0x86,
        0x48,
        (byte) 0x86,
        (byte) 0xf7,
        0x0d,
        0x01,
        0x01,
        0x01,
        0x05,
        0x00
    };

    private PemFiles() {}

    /** Key managers that present {@code certificate} with {@code privateKey}. */
    static KeyManagerFactory keyManagers(Path certificate, Path privateKey) throws IOException {
        List<Certificate> chain = certificates(certificate);
        PrivateKey key = privateKey(privateKey);
        if (!belongTogether(key, chain.get(0))) {
            throw new InputDataException(
                    privateKey.toString(), "this key does not belong to " + certificate);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("device", key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory factory =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY_PASSWORD);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + certificate + " and " + privateKey, e);
        }
    }

    /** Trust managers that trust the certificates in {@code ca}. */
    static TrustManagerFactory trustManagers(Path ca) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates(ca)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory factory =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + ca, e);
        }
    }

    static List<Certificate> certificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> certificates =
                    new ArrayList<>(
                            CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certificates.isEmpty()) {
                throw new InputDataException(file.toString(), "no CERTIFICATE in the file");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new InputDataException(
                    file.toString(), "not a PEM X.509 certificate: " + e.getMessage());
        }
    }

    static PrivateKey privateKey(Path file) throws IOException {
        // Latin-1 decodes any bytes, so a binary file is "no PEM block", not a decoding error.
        Matcher block = BLOCK.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
        if (!block.find()) {
            throw new InputDataException(file.toString(), "no PEM block (-----BEGIN ...-----)");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        switch (block.group(1)) {
            case "PRIVATE KEY":
                return pkcs8(file, der);
            case "RSA PRIVATE KEY":
                return pkcs8(file, rsaPkcs1ToPkcs8(der));
            default:
                throw new InputDataException(
                        file.toString(),
                        block.group(1)
                                + " is not supported; give an unencrypted PKCS#8 PRIVATE KEY or an"
                                + " RSA PRIVATE KEY (openssl pkcs8 -topk8 -nocrypt converts)");
        }
    }

    private static PrivateKey pkcs8(Path file, byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException e) {
                // Try the next algorithm.
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks " + algorithm + " keys", e);
            }
        }
        throw new InputDataException(file.toString(), "not an RSA or EC private key");
    }

    /** PKCS#8 is PKCS#1 wrapped: SEQUENCE { INTEGER 0, rsaEncryption, OCTET STRING pkcs1 }. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(derElement(0x04, pkcs1));
        return derElement(0x30, body.toByteArray());
    }

    private static byte[] derElement(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int lengthBytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | lengthBytes);
            for (int i = lengthBytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static boolean belongTogether(PrivateKey key, Certificate certificate) {
        String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] probe = "device-sim".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
