package io.occupancystream.modelops.data;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
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
        int copied = 0;
        for (CsvObject csv : csvObjects(prefix)) {
            Path target = into.resolve(csv.relative).normalize();
            if (!target.startsWith(into)) {
                throw new TrainingDataException("object key escapes the prefix: " + csv.key);
            }
            Files.createDirectories(target.getParent());
            s3.getObject(
                    GetObjectRequest.builder().bucket(csv.bucket).key(csv.key).build(), target);
            copied++;
        }
        return copied;
    }

    /**
     * Copies every training-set CSV under {@code from} to the same place under {@code to}, without
     * the leading identity columns ({@link io.occupancystream.model.ModelCard#ID_COLUMNS}): what
     * Autopilot, which takes every column but the target as a feature, should train on.
     *
     * @return the number of files copied
     */
    public int copyFeaturesOnly(URI from, URI to) {
        String bucket = bucketOf(to);
        String keyPrefix = keyPrefixOf(to);
        int copied = 0;
        for (CsvObject csv : csvObjects(from)) {
            String text =
                    s3.getObjectAsBytes(r -> r.bucket(csv.bucket).key(csv.key))
                            .asString(StandardCharsets.UTF_8);
            s3.putObject(
                    r -> r.bucket(bucket).key(keyPrefix + csv.relative),
                    RequestBody.fromString(Identity.withoutIdentity(text), StandardCharsets.UTF_8));
            copied++;
        }
        return copied;
    }

    /** The CSV part files under {@code prefix}; names starting with . or _ are left out. */
    private List<CsvObject> csvObjects(URI prefix) {
        String bucket = bucketOf(prefix);
        String keyPrefix = keyPrefixOf(prefix);
        ListObjectsV2Request list =
                ListObjectsV2Request.builder().bucket(bucket).prefix(keyPrefix).build();
        List<CsvObject> csvs = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(list).contents()) {
            String relative = object.key().substring(keyPrefix.length());
            String name = relative.substring(relative.lastIndexOf('/') + 1);
            if (name.endsWith(".csv") && !name.startsWith(".") && !name.startsWith("_")) {
                csvs.add(new CsvObject(bucket, object.key(), relative));
            }
        }
        return csvs;
    }

    private static String bucketOf(URI prefix) {
        if (!"s3".equals(prefix.getScheme()) || prefix.getHost() == null) {
            throw new TrainingDataException(prefix + " is not an s3://bucket/prefix URI");
        }
        return prefix.getHost();
    }

    private static String keyPrefixOf(URI prefix) {
        String keyPrefix = prefix.getPath().replaceFirst("^/", "");
        return keyPrefix.isEmpty() || keyPrefix.endsWith("/") ? keyPrefix : keyPrefix + "/";
    }

    private static final class CsvObject {
        final String bucket;
        final String key;
        final String relative;

        CsvObject(String bucket, String key, String relative) {
            this.bucket = bucket;
            this.key = key;
            this.relative = relative;
        }
    }
}
