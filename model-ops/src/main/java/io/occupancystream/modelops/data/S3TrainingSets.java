package io.occupancystream.modelops.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Copies the training-set CSVs under an {@code s3://bucket/prefix} to a local folder, keeping the
 * keys' window folders below the prefix, so that {@link TrainingSetReader} reads them as it reads
 * the job's local output. Objects whose names start with {@code .} or {@code _} are skipped.
 */
public final class S3TrainingSets {
    private final S3Client s3;

    public S3TrainingSets(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * @return the number of files copied
     */
    public int download(URI prefix, Path into) throws IOException {
        if (!"s3".equals(prefix.getScheme()) || prefix.getHost() == null) {
            throw new TrainingDataException(prefix + " is not an s3://bucket/prefix URI");
        }
        String bucket = prefix.getHost();
        String keyPrefix = prefix.getPath().replaceFirst("^/", "");
        if (!keyPrefix.isEmpty() && !keyPrefix.endsWith("/")) {
            keyPrefix += "/";
        }
        int copied = 0;
        ListObjectsV2Request list =
                ListObjectsV2Request.builder().bucket(bucket).prefix(keyPrefix).build();
        for (S3Object object : s3.listObjectsV2Paginator(list).contents()) {
            String relative = object.key().substring(keyPrefix.length());
            String name = relative.substring(relative.lastIndexOf('/') + 1);
            if (!name.endsWith(".csv") || name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            Path target = into.resolve(relative).normalize();
            if (!target.startsWith(into)) {
                throw new TrainingDataException("object key escapes the prefix: " + object.key());
            }
            Files.createDirectories(target.getParent());
            s3.getObject(
                    GetObjectRequest.builder().bucket(bucket).key(object.key()).build(), target);
            copied++;
        }
        return copied;
    }
}
