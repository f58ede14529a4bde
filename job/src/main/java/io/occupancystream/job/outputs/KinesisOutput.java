package io.occupancystream.job.outputs;

import io.occupancystream.job.kinesis.KinesisSettings;
import io.occupancystream.job.kinesis.KinesisStreamConnector;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * One JSON document per Kinesis record. At least once: after a restore, records since the last
 * checkpoint are written again, so consumers de-duplicate on the record's id.
 */
public final class KinesisOutput<T> implements OutputSink<T> {
    private final String name;
    private final KinesisSettings settings;
    private final String stream;
    private final MapFunction<T, String> toJson;
    private final PartitionKeyGenerator<T> partitionKey;

    public KinesisOutput(
            String name,
            KinesisSettings settings,
            String stream,
            MapFunction<T, String> toJson,
            PartitionKeyGenerator<T> partitionKey) {
        this.name = name;
        this.settings = settings;
        this.stream = stream;
        this.toJson = toJson;
        this.partitionKey = partitionKey;
    }

    @Override
    public void attach(DataStream<T> stream) {
        // Locals, not fields: the serializer ships to the task managers without this object.
        MapFunction<T, String> json = toJson;
        String label = name;
        SerializationSchema<T> serializer =
                element -> {
                    try {
                        return json.map(element).getBytes(StandardCharsets.UTF_8);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot write " + label + " as JSON", e);
                    }
                };
        stream.sinkTo(KinesisStreamConnector.sink(settings, this.stream, serializer, partitionKey))
                .name(name + " to Kinesis " + this.stream)
                .uid(name + "-kinesis");
    }
}
