package io.occupancystream.modelops.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who signed a request and for which region, read from its SigV4 {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, ...}). The signature
 * itself is not checked.
 */
final class SigV4Scope {
    private static final Pattern CREDENTIAL =
            Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/.*");

    final String accessKeyId;
    final String region;

    private SigV4Scope(String accessKeyId, String region) {
        this.accessKeyId = accessKeyId;
        this.region = region;
    }

    /** The scope of a SigV4 header; null for no header or another scheme. */
    static SigV4Scope of(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        return m.matches() ? new SigV4Scope(m.group(1), m.group(2)) : null;
    }
}
