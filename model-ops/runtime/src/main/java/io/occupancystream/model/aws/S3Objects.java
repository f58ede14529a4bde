package io.occupancystream.model.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * S3 GetObject as one SigV4-signed HTTP request (AWS, Amazon S3 API Reference, "GetObject" and
 * "Authenticating Requests (AWS Signature Version 4)"), so that reading a model needs the SDK's
 * signer, credentials and regions but not its S3 client. Virtual-hosted-style on AWS (path-style
 * for bucket names with dots, which TLS certificates do not cover), path-style at an endpoint
 * override. Thread-safe.
 */
public final class S3Objects {
    /** SHA-256 of no bytes: a GET has no payload, and S3 wants the hash in a header. */
    private static final String EMPTY_PAYLOAD_SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final Pattern CODE = Pattern.compile("<Code>(.*?)</Code>", Pattern.DOTALL);
    private static final Pattern MESSAGE =
            Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL);

    private final AwsEndpoint endpoint;
    private final HttpClient http;

    public S3Objects(AwsEndpoint endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Copies object {@code key} of {@code bucket} to {@code target}.
     *
     * @throws IOException when S3 answers with an error, with its message, status code and request
     *     ids as the AWS SDK words them, e.g. {@code The specified key does not exist. (Service:
     *     S3, Status Code: 404, Request ID: ...)}
     */
    public void download(String bucket, String key, Path target) throws IOException {
        Region region = endpoint.region();
        SdkHttpRequest signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.request(getObject(bucket, key, region))
                                                .identity(
                                                        endpoint.credentials().resolveCredentials())
                                                .putProperty(
                                                        AwsV4HttpSigner.REGION_NAME, region.id())
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                                                .putProperty(
                                                        AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                                                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
                        .request();
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri()).GET();
        for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Host")) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading s3://" + bucket + "/" + key, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new IOException(
                        errorMessage(
                                response, new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private SdkHttpFullRequest getObject(String bucket, String key, Region region) {
        String path = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        URI base;
        if (endpoint.override() != null) {
            base = endpoint.override();
            path = "/" + bucket + path;
        } else {
            String host = "s3." + region.id() + "." + PartitionMetadata.of(region).dnsSuffix();
            if (bucket.contains(".")) {
                path = "/" + bucket + path;
            } else {
                host = bucket + "." + host;
            }
            base = URI.create("https://" + host);
        }
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(base)
                .encodedPath(path)
                .putHeader("x-amz-content-sha256", EMPTY_PAYLOAD_SHA256)
                .build();
    }

    /** As the AWS SDK's {@code AwsServiceException#getMessage()} words S3's error document. */
    private static String errorMessage(HttpResponse<?> response, String errorDocument) {
        String message = first(MESSAGE, errorDocument);
        if (message == null) {
            message = first(CODE, errorDocument);
        }
        StringBuilder text =
                new StringBuilder(message != null ? message : "null")
                        .append(" (Service: S3, Status Code: ")
                        .append(response.statusCode())
                        .append(", Request ID: ")
                        .append(response.headers().firstValue("x-amz-request-id").orElse(null));
        response.headers()
                .firstValue("x-amz-id-2")
                .ifPresent(id -> text.append(", Extended Request ID: ").append(id));
        return text.append(")").toString();
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
