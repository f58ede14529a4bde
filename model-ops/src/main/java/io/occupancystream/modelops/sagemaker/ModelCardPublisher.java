package io.occupancystream.modelops.sagemaker;

import io.occupancystream.model.ModelArtifact;
import io.occupancystream.model.ModelCard;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes the promoted model's card ({@code model.json}, and {@code model.tar.gz} when there is one)
 * under the S3 prefix the job's {@code scoring.model.path} names, so that the job checks the
 * endpoint's features at its next start.
 */
final class ModelCardPublisher {
    private final S3Client s3;

    ModelCardPublisher(S3Client s3) {
        this.s3 = s3;
    }

    /** Uploads a model directory's card and artifact under {@code prefixUri} (s3://...). */
    void publish(Path modelDir, String prefixUri) throws IOException {
        URI prefix = S3Uris.parse(prefixUri, "--model-card");
        put(prefix, ModelCard.FILE, modelDir.resolve(ModelCard.FILE));
        Path artifact = modelDir.resolve(ModelArtifact.FILE);
        if (Files.isRegularFile(artifact)) {
            put(prefix, ModelArtifact.FILE, artifact);
        }
    }

    /** Uploads {@code card} alone (the model lives in SageMaker) under {@code prefixUri}. */
    void publish(ModelCard card, String prefixUri) throws IOException {
        URI prefix = S3Uris.parse(prefixUri, "--model-card");
        String key = S3Uris.key(prefix, ModelCard.FILE);
        s3.putObject(
                r -> r.bucket(prefix.getHost()).key(key), RequestBody.fromBytes(card.toJson()));
    }

    /** Uploads {@code file} as {@code name} under {@code prefix}; returns its s3:// URI. */
    String put(URI prefix, String name, Path file) {
        String key = S3Uris.key(prefix, name);
        s3.putObject(r -> r.bucket(prefix.getHost()).key(key), RequestBody.fromFile(file));
        return "s3://" + prefix.getHost() + "/" + key;
    }
}
