package io.occupancystream.job.shadow;

import io.occupancystream.job.aws.AwsFailure;
import io.occupancystream.job.metrics.CloudWatchNames;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.MsfMetricGroup;
import io.occupancystream.job.results.Result;
import io.occupancystream.model.aws.AwsEndpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneAsyncClient;

/**
 * Sends a batch of shadow updates as parallel UpdateThingShadow calls, the newest decision per
 * thing only (an older one in the same batch is superseded). Throttling, server errors and network
 * failures are retried by the sink; a request the service rejects as bad is counted and logged, not
 * retried; denied access fails the job, since no retry can fix it.
 */
final class ShadowUpdateWriter extends AsyncSinkWriter<Result, ShadowUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowUpdateWriter.class);

    private final IotDataPlaneAsyncClient client;
    private final String shadowName;
    private final Counter sent;
    private final Counter rejected;

    ShadowUpdateWriter(
            ElementConverter<Result, ShadowUpdate> converter,
            Sink.InitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<ShadowUpdate>> states,
            ShadowSettings settings) {
        super(converter, context, configuration, states);
        this.client = client(settings);
        this.shadowName = settings.shadowName;
        this.sent = context.metricGroup().counter(MetricName.SHADOW_UPDATES.of());
        this.rejected = context.metricGroup().counter(MetricName.SHADOW_UPDATES_REJECTED.of());
        MsfMetricGroup published = new MsfMetricGroup(context.metricGroup());
        published.rate(CloudWatchNames.of(MetricName.SHADOW_UPDATES), sent);
        published.rate(CloudWatchNames.of(MetricName.SHADOW_UPDATES_REJECTED), rejected);
    }

    private static IotDataPlaneAsyncClient client(ShadowSettings settings) {
        return AwsEndpoint.of(settings.region, URI.create(settings.endpoint))
                .configure(IotDataPlaneAsyncClient.builder())
                .httpClientBuilder(
                        NettyNioAsyncHttpClient.builder().maxConcurrency(settings.maxInFlight))
                .build();
    }

    @Override
    protected void submitRequestEntries(
            List<ShadowUpdate> batch, Consumer<List<ShadowUpdate>> requestToRetry) {
        Collection<ShadowUpdate> newest = newestPerThing(batch);
        List<ShadowUpdate> retry = new ArrayList<>();
        List<CompletableFuture<?>> calls = new ArrayList<>(newest.size());
        for (ShadowUpdate update : newest) {
            calls.add(
                    client.updateThingShadow(
                                    r -> {
                                        r.thingName(update.thingName)
                                                .payload(SdkBytes.fromByteArray(update.payload()));
                                        if (!shadowName.isEmpty()) {
                                            r.shadowName(shadowName);
                                        }
                                    })
                            .handle(
                                    (response, error) -> {
                                        onAnswer(update, error, retry);
                                        return null;
                                    }));
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]))
                .whenComplete((ignored, error) -> requestToRetry.accept(retry));
    }

    static Collection<ShadowUpdate> newestPerThing(List<ShadowUpdate> batch) {
        Map<String, ShadowUpdate> newest = new LinkedHashMap<>();
        for (ShadowUpdate update : batch) {
            newest.merge(update.thingName, update, (a, b) -> b.timestamp >= a.timestamp ? b : a);
        }
        return newest.values();
    }

    private void onAnswer(ShadowUpdate update, Throwable error, List<ShadowUpdate> retry) {
        if (error == null) {
            sent.inc();
            return;
        }
        Throwable cause = AwsFailure.unwrap(error);
        switch (ShadowFailure.classify(cause)) {
            case RETRY:
                synchronized (retry) {
                    retry.add(update);
                }
                break;
            case REJECTED:
                rejected.inc();
                LOG.warn("Shadow update {} rejected: {}", update, cause.getMessage());
                break;
            default:
                getFatalExceptionCons()
                        .accept(
                                new ShadowUpdateException(
                                        "UpdateThingShadow denied for "
                                                + update.thingName
                                                + " (check the job role's iot:UpdateThingShadow"
                                                + " permission and shadow.endpoint)",
                                        cause));
        }
    }

    @Override
    protected long getSizeInBytes(ShadowUpdate update) {
        return update.sizeInBytes();
    }

    @Override
    public void close() {
        super.close();
        client.close();
    }
}
