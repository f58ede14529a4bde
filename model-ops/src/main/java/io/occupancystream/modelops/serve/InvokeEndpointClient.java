package io.occupancystream.modelops.serve;

import io.occupancystream.model.aws.AwsEndpoint;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;

/**
 * InvokeEndpoint through the AWS SDK v2's SageMaker runtime client, as the job calls an endpoint,
 * against a local endpoint URL (dummy credentials, no retries, so every call is one request).
 * Thread-safe; connections are pooled.
 */
final class InvokeEndpointClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SageMakerRuntimeClient sdk;
    private final String endpointName;
    private final URI invocations;

    InvokeEndpointClient(URI endpointUrl, String endpointName, int connections) {
        this.endpointName = endpointName;
        this.invocations = endpointUrl.resolve("/endpoints/" + endpointName + "/invocations");
        this.sdk =
                AwsEndpoint.local(endpointUrl, "local", "local")
                        .configure(SageMakerRuntimeClient.builder())
                        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections))
                        .overrideConfiguration(
                                c ->
                                        c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                                                .apiCallTimeout(TIMEOUT))
                        .build();
    }

    URI invocations() {
        return invocations;
    }

    /**
     * Sends {@code csv}, reads the whole answer and returns its HTTP status, or -1 when no answer
     * came (connection refused, timeout).
     */
    int invoke(byte[] csv) {
        try {
            return sdk.invokeEndpoint(
                            InvokeEndpointRequest.builder()
                                    .endpointName(endpointName)
                                    .contentType("text/csv")
                                    .accept("text/csv")
                                    .body(SdkBytes.fromByteArrayUnsafe(csv))
                                    .build())
                    .sdkHttpResponse()
                    .statusCode();
        } catch (SdkServiceException e) {
            return e.statusCode();
        } catch (SdkClientException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        sdk.close();
    }
}
