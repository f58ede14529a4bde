package io.occupancystream.devicesim.view;

import io.occupancystream.devicesim.tail.StreamTail;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Follows a Kinesis data stream through a {@link StreamTail}: each poll hands on what arrived since
 * the last, with the record's approximate arrival time. Shards are positioned at the first poll (so
 * a stream made after the view starts is picked up); an iterator that expired after an outage
 * longer than five minutes starts again at LATEST.
 */
final class KinesisFollower implements PollLoop.Poll {
    private static final int MAX_RECORDS = 10_000;

    private final StreamTail tail;
    private final ShardIteratorType from;
    private final LineSink sink;
    private boolean started;

    KinesisFollower(StreamTail tail, ShardIteratorType from, LineSink sink) {
        this.tail = tail;
        this.from = from;
        this.sink = sink;
    }

    @Override
    public void poll() {
        if (!started) {
            tail.start(from);
            started = true;
        }
        try {
            for (Record record : tail.pollRecords(MAX_RECORDS)) {
                sink.accept(
                        record.data().asUtf8String(),
                        record.approximateArrivalTimestamp().toEpochMilli());
            }
        } catch (ExpiredIteratorException expired) {
            tail.start(ShardIteratorType.LATEST);
            throw expired;
        }
    }
}
