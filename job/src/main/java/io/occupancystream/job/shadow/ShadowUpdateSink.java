package io.occupancystream.job.shadow;

import io.occupancystream.job.results.Result;
import java.util.Collection;
import java.util.Collections;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Sends each decision to its thing's device shadow through the IoT data plane. At least once:
 * buffered and in-flight updates are checkpointed and sent again after a restore, which is harmless
 * because an update sets the desired state to a value.
 */
public final class ShadowUpdateSink extends AsyncSinkBase<Result, ShadowUpdate> {
    private static final int MAX_BATCH_SIZE = 50;
    private static final int MAX_BUFFERED = 10_000;
    private static final long MAX_BATCH_BYTES = 1024 * 1024;
    private static final long MAX_TIME_IN_BUFFER_MS = 200;
    private static final long MAX_RECORD_BYTES = 1024;

    private final ShadowSettings settings;

    public ShadowUpdateSink(ShadowSettings settings) {
        super(
                (ElementConverter<Result, ShadowUpdate>)
                        (result, context) -> ShadowUpdate.of(result),
                MAX_BATCH_SIZE,
                settings.maxInFlight,
                MAX_BUFFERED,
                MAX_BATCH_BYTES,
                MAX_TIME_IN_BUFFER_MS,
                MAX_RECORD_BYTES);
        this.settings = settings;
    }

    @Override
    public ShadowUpdateWriter createWriter(InitContext context) {
        return restoreWriter(context, Collections.emptyList());
    }

    @Override
    public ShadowUpdateWriter restoreWriter(
            InitContext context, Collection<BufferedRequestState<ShadowUpdate>> states) {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .build();
        return new ShadowUpdateWriter(
                getElementConverter(), context, configuration, states, settings);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<ShadowUpdate>>
            getWriterStateSerializer() {
        return new ShadowUpdateStateSerializer();
    }
}
