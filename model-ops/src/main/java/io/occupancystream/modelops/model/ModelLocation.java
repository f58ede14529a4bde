package io.occupancystream.modelops.model;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Where a model directory lives: a local folder, or {@code s3://bucket/prefix} holding {@code
 * model.json} and {@code model.tar.gz} (the layout {@code model-ops train} writes), which is copied
 * to a local temporary folder first.
 */
public final class ModelLocation {
    private ModelLocation() {}

    public static boolean isS3(String location) {
        return location.startsWith("s3://");
    }

    /** The local folder of the model: {@code location} itself, or a fresh copy from S3. */
    public static Path fetch(String location, Supplier<S3Client> s3) throws IOException {
        return fetch(location, s3, ModelCard.FILE, ModelArtifact.FILE);
    }

    /** The model's card alone: from S3 only {@code model.json} is copied, not the artifact. */
    public static ModelCard readCard(String location, Supplier<S3Client> s3) throws IOException {
        return ModelCard.read(fetch(location, s3, ModelCard.FILE));
    }

    /** The model's card, with an S3 client from the AWS default chains. */
    public static ModelCard readCard(String location) throws IOException {
        return readCard(location, S3Client::create);
    }

    private static Path fetch(String location, Supplier<S3Client> s3, String... files)
            throws IOException {
        if (!isS3(location)) {
            return Path.of(location);
        }
        URI uri = URI.create(location);
        String prefix = uri.getPath().replaceFirst("^/", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        Path dir = Files.createTempDirectory("model");
        try (S3Client client = s3.get()) {
            for (String file : files) {
                client.getObject(
                        GetObjectRequest.builder().bucket(uri.getHost()).key(prefix + file).build(),
                        dir.resolve(file));
            }
        }
        return dir;
    }

    /** The model directory, with an S3 client from the AWS default chains. */
    public static Path fetch(String location) throws IOException {
        return fetch(location, S3Client::create);
    }
}
