package io.occupancystream.job.kinesis;

import java.util.Locale;
import java.util.Properties;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSink;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Kinesis connector's consumer and sinks from {@link KinesisSettings}: the one place
 * that knows the connector's property names.
 */
public final class KinesisStreamConnector {
    private static final Logger LOG = LoggerFactory.getLogger(KinesisStreamConnector.class);

    private KinesisStreamConnector() {}

    /** Reads each record of the input stream as one UTF-8 string. */
    public static FlinkKinesisConsumer<String> consumer(KinesisSettings settings) {
        useJsonProtocolIfOverridden(settings);
        return new FlinkKinesisConsumer<>(
                settings.inputStream, new SimpleStringSchema(), consumerProperties(settings));
    }

    static Properties consumerProperties(KinesisSettings settings) {
        Properties p = settings.clientProperties();
        p.setProperty(
                ConnectorKeys.INITIAL_POSITION,
                settings.initialPosition.name().toUpperCase(Locale.ROOT));
        p.setProperty(ConnectorKeys.POLL_INTERVAL, Long.toString(settings.pollIntervalMillis));
        if (settings.initialTimestamp != null) {
            // Epoch seconds: the connector parses a plain number before trying its date format.
            p.setProperty(
                    ConnectorKeys.INITIAL_TIMESTAMP,
                    String.format(
                            Locale.ROOT,
                            "%.3f",
                            settings.initialTimestamp.toEpochMilli() / 1000.0));
        }
        return p;
    }

    /**
     * An at-least-once sink of {@code toText} strings, partitioned by {@code partitionKey}; failed
     * entries are retried, never dropped.
     */
    public static <T> KinesisStreamsSink<T> sink(
            KinesisSettings settings,
            String stream,
            SerializationSchema<T> serializer,
            PartitionKeyGenerator<T> partitionKey) {
        useJsonProtocolIfOverridden(settings);
        Properties p = settings.clientProperties();
        if (settings.hasEndpointOverride()) {
            // Local stand-ins speak HTTP/1.1 only; Kinesis itself takes HTTP/2.
            p.setProperty(ConnectorKeys.HTTP_PROTOCOL_VERSION, "HTTP1_1");
        }
        return KinesisStreamsSink.<T>builder()
                .setKinesisClientProperties(p)
                .setStreamName(stream)
                .setSerializationSchema(serializer)
                .setPartitionKeyGenerator(partitionKey)
                .setFailOnError(false)
                .setMaxTimeInBufferMS(settings.sinkMaxBufferMillis)
                .setMaxBatchSize(settings.sinkMaxBatchSize)
                .build();
    }

    /**
     * Kinesis answers in CBOR by default, which kinesalite garbles; an endpoint override therefore
     * switches both AWS SDKs inside the connector to JSON, which Kinesis accepts too. System
     * properties reach the SDKs of this JVM only: enough for a local MiniCluster, where the job
     * runs in the JVM that builds it.
     */
    private static void useJsonProtocolIfOverridden(KinesisSettings settings) {
        if (settings.hasEndpointOverride()) {
            LOG.info("Kinesis endpoint {} overridden: using JSON, not CBOR", settings.endpoint);
            System.setProperty("aws.cborEnabled", "false");
            System.setProperty(
                    "org.apache.flink.kinesis.shaded.com.amazonaws.sdk.disableCbor", "true");
        }
    }
}
