package io.occupancystream.modelops.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests as lowercase hex, for data hashes and model version ids. */
public final class Sha256 {
    private Sha256() {}

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16))
                    .append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    public static String of(byte[] bytes) {
        return hex(digest().digest(bytes));
    }
}
