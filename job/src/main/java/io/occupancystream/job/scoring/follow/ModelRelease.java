package io.occupancystream.job.scoring.follow;

import io.occupancystream.model.ModelCard;
import io.occupancystream.model.OccupancyPredictor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A model the scoring tasks switch to: its {@code model.json} as read and, for embedded scoring,
 * its {@code model.tar.gz} (empty for endpoint scoring, where the card alone matters). Identified
 * by the SHA-256 of both. A Flink POJO: it is broadcast to the scoring tasks and kept in their
 * checkpoints, so it carries the bytes, not a path whose contents may have changed since.
 */
public class ModelRelease {
    public byte[] card;
    public byte[] artifact;
    public String digest;

    public ModelRelease() {}

    public static ModelRelease of(byte[] card, byte[] artifact) {
        ModelRelease release = new ModelRelease();
        release.card = card;
        release.artifact = artifact;
        release.digest = sha256(card, artifact);
        return release;
    }

    /** The card, parsed. */
    public ModelCard parseCard() throws IOException {
        return ModelCard.fromJson(card);
    }

    /** For logs: the card's model version and the start of the digest. */
    public String describe() {
        String version;
        try {
            version = parseCard().modelVersion;
        } catch (IOException e) {
            version = "(unreadable card)";
        }
        return version + " (sha256 " + digest.substring(0, 12) + ")";
    }

    /** The model in process; the caller closes it. */
    public OccupancyPredictor load() throws IOException {
        ModelCard parsed = parseCard();
        return OccupancyPredictor.load(parsed, artifact, "model " + parsed.modelVersion);
    }

    /** Hex SHA-256 over each part's length and bytes. */
    static String sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
                sha.update(part);
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : sha.digest()) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16))
                        .append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
