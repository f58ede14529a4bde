package io.occupancystream.model;

import io.occupancystream.model.aws.AwsEndpoint;
import io.occupancystream.model.aws.S3Objects;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

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
    public static Path fetch(String location, AwsEndpoint s3) throws IOException {
        return fetch(location, s3, ModelCard.FILE, ModelArtifact.FILE);
    }

    /** The model's card alone: from S3 only {@code model.json} is copied, not the artifact. */
    public static ModelCard readCard(String location, AwsEndpoint s3) throws IOException {
        return ModelCard.read(fetch(location, s3, ModelCard.FILE));
    }

    /** The model's card, from AWS's S3 with the SDK's default chains. */
    public static ModelCard readCard(String location) throws IOException {
        return readCard(location, AwsEndpoint.aws());
    }

    /**
     * One file of the model directory, e.g. {@value ModelCard#FILE}: read from the folder, or
     * copied from S3 and the copy deleted.
     */
    public static byte[] read(String location, AwsEndpoint s3, String file) throws IOException {
        Path dir = fetch(location, s3, file);
        try {
            return Files.readAllBytes(dir.resolve(file));
        } finally {
            if (isS3(location)) {
                Files.deleteIfExists(dir.resolve(file));
                Files.deleteIfExists(dir);
            }
        }
    }

    private static Path fetch(String location, AwsEndpoint s3, String... files) throws IOException {
        if (!isS3(location)) {
            return Path.of(location);
        }
        URI uri = URI.create(location);
        String prefix = uri.getPath().replaceFirst("^/", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        Path dir = Files.createTempDirectory("model");
        S3Objects objects = new S3Objects(s3);
        for (String file : files) {
            objects.download(uri.getHost(), prefix + file, dir.resolve(file));
        }
        return dir;
    }

    /** The model directory, from AWS's S3 with the SDK's default chains. */
    public static Path fetch(String location) throws IOException {
        return fetch(location, AwsEndpoint.aws());
    }
}
