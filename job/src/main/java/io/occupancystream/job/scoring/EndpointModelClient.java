package io.occupancystream.job.scoring;

import io.occupancystream.job.scoring.follow.ModelRelease;
import io.occupancystream.model.aws.AwsEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;

/**
 * Calls a SageMaker real-time endpoint with the AWS SDK v2's non-blocking client: one
 * InvokeEndpoint per batch, {@code text/csv} rows in and out. Credentials and (unless configured)
 * the region come from the AWS default chains. The SDK's own retries are off: the caller retries,
 * so that one policy decides. {@code modelVersion} is the invoked production variant.
 */
public final class EndpointModelClient implements ModelClient {
    private final SageMakerRuntimeAsyncClient sdk;
    private final SdkEventLoopGroup eventLoops;
    private final EndpointSettings settings;
    private volatile double threshold;

    private EndpointModelClient(EndpointSettings settings, double threshold) {
        this.settings = settings;
        this.threshold = threshold;
        // Our own event loops: the SDK's shut down with a 2 s quiet period on close, which every
        // task would wait for at the end of a job and on each failover.
        this.eventLoops = SdkEventLoopGroup.builder().numberOfThreads(2).build();
        this.sdk =
                AwsEndpoint.of(
                                settings.region,
                                settings.url.isEmpty() ? null : URI.create(settings.url))
                        .configure(SageMakerRuntimeAsyncClient.builder())
                        .httpClientBuilder(
                                NettyNioAsyncHttpClient.builder()
                                        .eventLoopGroup(eventLoops)
                                        .protocol(Protocol.HTTP1_1)
                                        .maxConcurrency(settings.maxConnections))
                        .overrideConfiguration(
                                c ->
                                        c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                                                .apiCallAttemptTimeout(
                                                        Duration.ofMillis(
                                                                settings.attemptTimeoutMillis)))
                        .build();
    }

    /**
     * @param threshold turns a bare probability into a label, for endpoints that answer only
     *     probabilities (SageMaker's built-in XGBoost)
     */
    public static ModelClientFactory factory(EndpointSettings settings, double threshold) {
        return () -> open(settings, threshold);
    }

    /** Opens a client in this JVM, for one call outside a Flink task (the start-up check). */
    static EndpointModelClient open(EndpointSettings settings, double threshold) {
        return new EndpointModelClient(settings, threshold);
    }

    /** The region the client signs for and sends to: configured, or from the default chain. */
    Region region() {
        return sdk.serviceClientConfiguration().region();
    }

    @Override
    public CompletableFuture<ModelAnswer> score(List<String> csvRows) {
        double labelling = threshold;
        InvokeEndpointRequest.Builder request =
                InvokeEndpointRequest.builder()
                        .endpointName(settings.name)
                        .contentType("text/csv")
                        .accept("text/csv")
                        .body(
                                SdkBytes.fromString(
                                        String.join("\n", csvRows), StandardCharsets.UTF_8));
        if (!settings.targetVariant.isEmpty()) {
            request.targetVariant(settings.targetVariant);
        }
        if (!settings.inferenceComponent.isEmpty()) {
            request.inferenceComponentName(settings.inferenceComponent);
        }
        if (!settings.customAttributes.isEmpty()) {
            request.customAttributes(settings.customAttributes);
        }
        return sdk.invokeEndpoint(request.build())
                .thenApply(
                        response ->
                                CsvPredictions.parse(
                                        response.body().asByteArrayUnsafe(),
                                        csvRows.size(),
                                        labelling,
                                        response.invokedProductionVariant()));
    }

    /**
     * The endpoint's name stays the same when a promotion replaces its model (blue/green): a new
     * card changes only the threshold that labels bare probabilities.
     */
    @Override
    public CompletableFuture<Void> use(ModelRelease release) {
        try {
            threshold = release.parseCard().threshold;
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        sdk.close();
        eventLoops.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
