package io.occupancystream.devicesim.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Reads every shard of a stream from its start, a batch of new records per {@link #poll()}. */
final class StreamReader {
    private final KinesisClient kinesis;
    private final String stream;
    private final Map<String, String> iterators = new LinkedHashMap<>();

    StreamReader(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
        for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
            iterators.put(
                    shard.shardId(),
                    kinesis.getShardIterator(
                                    r ->
                                            r.streamName(stream)
                                                    .shardId(shard.shardId())
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator());
        }
    }

    /** The records that arrived since the last call, as UTF-8 strings. */
    List<String> poll() {
        List<String> records = new ArrayList<>();
        for (Map.Entry<String, String> shard : iterators.entrySet()) {
            GetRecordsResponse response =
                    kinesis.getRecords(r -> r.shardIterator(shard.getValue()).limit(10_000));
            for (Record record : response.records()) {
                records.add(record.data().asUtf8String());
            }
            shard.setValue(response.nextShardIterator());
        }
        return records;
    }

    @Override
    public String toString() {
        return stream;
    }
}
