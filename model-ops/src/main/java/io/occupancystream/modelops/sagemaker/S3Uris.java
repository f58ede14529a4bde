package io.occupancystream.modelops.sagemaker;

import java.net.URI;

/** Keys under {@code s3://bucket/prefix} URIs. */
final class S3Uris {
    private S3Uris() {}

    static URI parse(String uri, String option) {
        URI parsed = URI.create(uri);
        if (!"s3".equals(parsed.getScheme()) || parsed.getHost() == null) {
            throw new PromotionException(option + " must be s3://bucket/prefix, not " + uri);
        }
        return parsed;
    }

    static String key(URI prefix, String name) {
        String path = prefix.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
        return path.isEmpty() ? name : path + "/" + name;
    }
}
