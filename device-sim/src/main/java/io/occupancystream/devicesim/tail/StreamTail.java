package io.occupancystream.devicesim.tail;

import io.occupancystream.devicesim.delivery.Pacer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads every shard of a stream that exists when it starts, in turns, and hands each record's data
 * on as text. Records of one shard come in order; shards interleave. A shard that closes is read to
 * its end; shards made by later resharding are not followed.
 */
public final class StreamTail {
    /** Between turns, so that no shard sees more than its 5 GetRecords calls a second. */
    public static final Duration POLL = Duration.ofMillis(200);

    private final KinesisClient kinesis;
    private final String stream;
    private final LongSupplier nanoClock;
    private final Pacer.Sleeper sleeper;
    private final Map<String, String> iterators = new LinkedHashMap<>();

    public StreamTail(
            KinesisClient kinesis, String stream, LongSupplier nanoClock, Pacer.Sleeper sleeper) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /**
     * Hands on records until {@code limit} have gone, no record has come for {@code idleTimeout}
     * (null: wait for ever), or every shard has closed.
     *
     * @return the number of records handed on
     */
    public long run(ShardIteratorType from, long limit, Duration idleTimeout, Consumer<String> sink)
            throws InterruptedException {
        start(from);
        long count = 0;
        long lastRecordNanos = nanoClock.getAsLong();
        while (count < limit && !iterators.isEmpty()) {
            List<String> records = poll(limit - count);
            records.forEach(sink);
            count += records.size();
            if (!records.isEmpty()) {
                lastRecordNanos = nanoClock.getAsLong();
            } else if (idleTimeout != null
                    && nanoClock.getAsLong() - lastRecordNanos >= idleTimeout.toNanos()) {
                break;
            }
            if (count < limit) {
                sleeper.sleepNanos(POLL.toNanos());
            }
        }
        return count;
    }

    /** Positions every shard of the stream at {@code from}, for {@link #poll}. */
    public void start(ShardIteratorType from) {
        iterators.clear();
        for (Shard shard : shards()) {
            iterators.put(
                    shard.shardId(),
                    kinesis.getShardIterator(
                                    r ->
                                            r.streamName(stream)
                                                    .shardId(shard.shardId())
                                                    .shardIteratorType(from))
                            .shardIterator());
        }
    }

    /**
     * One turn over the open shards: at most {@code max} records that arrived since the last turn.
     * A shard that has closed and been read to its end is dropped.
     */
    public List<String> poll(long max) {
        List<String> texts = new ArrayList<>();
        for (Record record : pollRecords(max)) {
            texts.add(record.data().asUtf8String());
        }
        return texts;
    }

    /** As {@link #poll}, the records whole: their arrival times too. */
    public List<Record> pollRecords(long max) {
        List<Record> records = new ArrayList<>();
        for (Iterator<Map.Entry<String, String>> it = iterators.entrySet().iterator();
                it.hasNext() && records.size() < max; ) {
            Map.Entry<String, String> shard = it.next();
            int limit = (int) Math.min(10_000, max - records.size());
            GetRecordsResponse response =
                    kinesis.getRecords(r -> r.shardIterator(shard.getValue()).limit(limit));
            records.addAll(response.records());
            if (response.nextShardIterator() == null) {
                it.remove();
            } else {
                shard.setValue(response.nextShardIterator());
            }
        }
        return records;
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            var response =
                    kinesis.listShards(
                            r -> {
                                if (token == null) {
                                    r.streamName(stream);
                                } else {
                                    r.nextToken(token);
                                }
                            });
            shards.addAll(response.shards());
            next = response.nextToken();
        } while (next != null);
        return shards;
    }
}
