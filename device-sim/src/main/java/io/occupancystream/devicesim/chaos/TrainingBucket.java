package io.occupancystream.devicesim.chaos;

import io.occupancystream.job.features.FeatureCsv;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The committed training rows in the bucket by window (the folder the job's bucket assigner names),
 * read again and again while the job commits more. A committed part file does not change, so each
 * is downloaded once.
 */
final class TrainingBucket {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Map<String, List<String>> rowsByKey = new HashMap<>();

    TrainingBucket(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** Every committed row so far by window folder, headers left out. */
    Map<String, List<String>> rows() {
        Map<String, List<String>> windows = new TreeMap<>();
        for (S3Object object :
                s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
            String key = object.key();
            String window = key.substring(prefix.length(), key.lastIndexOf('/'));
            windows.computeIfAbsent(window, w -> new ArrayList<>())
                    .addAll(rowsByKey.computeIfAbsent(key, this::download));
        }
        return windows;
    }

    private List<String> download(String key) {
        String body =
                s3.getObjectAsBytes(r -> r.bucket(bucket).key(key))
                        .asString(StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty() && !line.equals(FeatureCsv.header())) {
                rows.add(line);
            }
        }
        return rows;
    }
}
