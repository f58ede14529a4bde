package io.occupancystream.devicesim.kinesis;

import io.occupancystream.devicesim.delivery.DeliveryException;
import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.delivery.ReadingTarget;
import io.occupancystream.devicesim.delivery.RecordedLine;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts readings into a Kinesis data stream with PutRecords, partition key thingName, in batches of
 * up to {@value #MAX_BATCH_RECORDS} records and {@value #MAX_BATCH_BYTES} bytes. Entries that a
 * response marks failed (throttled or an internal failure) go again, alone, after a growing wait;
 * after {@value #MAX_ATTEMPTS} attempts the target fails with the number of records lost. A retried
 * record may land after later readings of the same thing. Closing prints a one-line report.
 */
public final class KinesisReadingTarget implements ReadingTarget {
    static final int MAX_BATCH_RECORDS = 500;
    static final int MAX_BATCH_BYTES = 5 * 1024 * 1024;
    static final int MAX_RECORD_BYTES = 1024 * 1024;
    static final int MAX_ATTEMPTS = 8;
    static final long FIRST_BACKOFF_NANOS = 100_000_000L;
    static final long MAX_BACKOFF_NANOS = 5_000_000_000L;

    private final KinesisClient kinesis;
    private final String stream;
    private final ShardThrottle throttle;
    private final Pacer.Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final PrintWriter report;

    private List<PutRecordsRequestEntry> batch = new ArrayList<>();
    private long batchBytes;
    private long startNanos = Long.MIN_VALUE;
    private long recordsPut;
    private long calls;
    private long retriedEntries;
    private long lostEntries;

    public KinesisReadingTarget(
            KinesisClient kinesis,
            String stream,
            ShardThrottle throttle,
            Pacer.Sleeper sleeper,
            LongSupplier nanoClock,
            PrintWriter report) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.throttle = throttle;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
        this.report = report;
    }

    @Override
    public void send(Reading reading) throws IOException {
        sendBytes(reading.thingName, ReadingJson.write(reading).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(RecordedLine line) throws IOException {
        sendBytes(line.partitionKey(), line.text().getBytes(StandardCharsets.UTF_8));
    }

    /** Puts {@code bytes} as they are, valid UTF-8 or not, as the record's data. */
    public void sendBytes(String partitionKey, byte[] bytes) throws IOException {
        if (startNanos == Long.MIN_VALUE) {
            startNanos = nanoClock.getAsLong();
        }
        long size = bytes.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_RECORD_BYTES) {
            throw new DeliveryException(
                    "a record of "
                            + size
                            + " bytes is over Kinesis's 1 MiB limit: "
                            + partitionKey);
        }
        if (batchBytes + size > MAX_BATCH_BYTES) {
            flush();
        }
        batch.add(
                PutRecordsRequestEntry.builder()
                        .partitionKey(partitionKey)
                        .data(SdkBytes.fromByteArrayUnsafe(bytes))
                        .build());
        batchBytes += size;
        if (batch.size() == MAX_BATCH_RECORDS) {
            flush();
        }
    }

    @Override
    public void flush() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            putWithRetries(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while putting records to " + stream);
        } finally {
            batch = new ArrayList<>();
            batchBytes = 0;
        }
    }

    private void putWithRetries(List<PutRecordsRequestEntry> entries)
            throws IOException, InterruptedException {
        List<PutRecordsRequestEntry> toPut = entries;
        for (int attempt = 1; ; attempt++) {
            throttle.acquire(toPut.size(), bytes(toPut));
            List<PutRecordsRequestEntry> putNow = toPut;
            PutRecordsResponse response;
            try {
                response = kinesis.putRecords(r -> r.streamName(stream).records(putNow));
            } catch (SdkException e) {
                // The SDK has already retried what it can retry.
                throw lost(
                        putNow.size(),
                        "PutRecords to Kinesis stream " + stream + " failed: " + e.getMessage(),
                        e);
            }
            calls++;
            List<PutRecordsRequestEntry> failed = new ArrayList<>();
            String lastError = null;
            for (int i = 0; i < putNow.size(); i++) {
                PutRecordsResultEntry result = response.records().get(i);
                if (result.errorCode() != null) {
                    failed.add(putNow.get(i));
                    lastError = result.errorCode() + ": " + result.errorMessage();
                }
            }
            recordsPut += putNow.size() - failed.size();
            if (failed.isEmpty()) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw lost(
                        failed.size(),
                        String.format(
                                Locale.ROOT,
                                "Kinesis stream %s refused them %d times, last with %s",
                                stream,
                                MAX_ATTEMPTS,
                                lastError),
                        null);
            }
            retriedEntries += failed.size();
            sleeper.sleepNanos(backoffNanos(attempt));
            toPut = failed;
        }
    }

    private DeliveryException lost(int records, String why, Throwable cause) {
        lostEntries += records;
        return new DeliveryException(
                records + " records were lost: " + why + " (" + recordsPut + " records were put)",
                cause);
    }

    /** 100 ms after the first attempt, doubling up to 5 s. */
    static long backoffNanos(int attempt) {
        return Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.min(attempt - 1, 20));
    }

    private static long bytes(List<PutRecordsRequestEntry> entries) {
        long bytes = 0;
        for (PutRecordsRequestEntry entry : entries) {
            bytes += entry.data().asByteArrayUnsafe().length + entry.partitionKey().length();
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        try (kinesis) {
            flush();
        } finally {
            report.println(report());
            report.flush();
        }
    }

    String report() {
        double seconds =
                startNanos == Long.MIN_VALUE ? 0 : (nanoClock.getAsLong() - startNanos) / 1e9;
        return String.format(
                Locale.ROOT,
                "kinesis: put %d records to %s in %d PutRecords calls, %d entries retried,"
                        + " %d lost, %.0f records/s",
                recordsPut,
                stream,
                calls,
                retriedEntries,
                lostEntries,
                seconds > 0 ? recordsPut / seconds : 0.0);
    }
}
