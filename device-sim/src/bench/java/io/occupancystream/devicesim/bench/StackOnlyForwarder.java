package io.occupancystream.devicesim.bench;

import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.tail.StreamTail;
import io.occupancystream.job.reading.ReadingJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The Kinesis traffic of the job without the job, for {@code bench-kinesis --stack-only}: every
 * {@value #POLL_MILLIS} ms (the job's default poll interval) it reads what arrived on the input
 * stream and puts a record carrying each reading's id on the results stream at once, in PutRecords
 * calls of up to 500 entries. What latency this pass-through sees is what the local stack alone
 * costs, the floor under the job's.
 */
final class StackOnlyForwarder implements AutoCloseable {
    static final long POLL_MILLIS = 200;
    private static final int MAX_ENTRIES = 500;

    private final KinesisClient kinesis;
    private final String resultsStream;
    private final StreamTail input;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    StackOnlyForwarder(KinesisClient kinesis, String inputStream, String resultsStream) {
        this.kinesis = kinesis;
        this.resultsStream = resultsStream;
        this.input = new StreamTail(kinesis, inputStream, System::nanoTime, Pacer.Sleeper.THREAD);
        input.start(ShardIteratorType.TRIM_HORIZON);
        this.thread = new Thread(this::forward, "stack-only-forwarder");
        thread.start();
    }

    private void forward() {
        try {
            while (!stop.get()) {
                long turn = System.currentTimeMillis();
                try {
                    put(input.poll(Long.MAX_VALUE));
                } catch (SdkException e) {
                    // the job's consumer retries a failed turn too
                }
                long wait = turn + POLL_MILLIS - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(List<String> readings) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(MAX_ENTRIES);
        for (String raw : readings) {
            String id = ReadingJson.parse(raw, Long.MAX_VALUE).reading().id();
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey(id)
                            .data(SdkBytes.fromUtf8String("{\"id\":\"" + id + "\"}"))
                            .build());
            if (entries.size() == MAX_ENTRIES) {
                send(entries);
            }
        }
        send(entries);
    }

    private void send(List<PutRecordsRequestEntry> entries) {
        if (!entries.isEmpty()) {
            kinesis.putRecords(r -> r.streamName(resultsStream).records(entries));
            entries.clear();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join();
    }
}
