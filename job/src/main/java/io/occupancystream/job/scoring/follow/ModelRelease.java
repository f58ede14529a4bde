package io.occupancystream.job.scoring.follow;

import io.occupancystream.model.ModelArtifact;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.ModelLocation;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.model.aws.AwsEndpoint;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A model the scoring tasks switch to: its {@code model.json} as read and, for embedded scoring,
 * its {@code model.tar.gz} (empty for endpoint scoring, where the card alone matters). Identified
 * by the SHA-256 of both. A Flink POJO: it is broadcast to the scoring tasks and kept in their
 * checkpoints, so it carries the bytes, not a path whose contents may have changed since.
 */
public class ModelRelease implements Serializable {
    private static final long serialVersionUID = 1L;

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

    /**
     * The model at {@code location} (a folder or an {@code s3://} prefix) now: {@code model.json},
     * and {@code model.tar.gz} if {@code withArtifact}. The card is read again after the archive,
     * and the read fails if it changed in between (its writer was between the two files).
     */
    public static ModelRelease read(String location, AwsEndpoint s3, boolean withArtifact)
            throws IOException {
        byte[] card = ModelLocation.read(location, s3, ModelCard.FILE);
        if (!withArtifact) {
            return of(card, new byte[0]);
        }
        byte[] artifact = ModelLocation.read(location, s3, ModelArtifact.FILE);
        if (!Arrays.equals(card, ModelLocation.read(location, s3, ModelCard.FILE))) {
            throw new IOException(
                    ModelCard.FILE + " changed while " + ModelArtifact.FILE + " was read");
        }
        return of(card, artifact);
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
