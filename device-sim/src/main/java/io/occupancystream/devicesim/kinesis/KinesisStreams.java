package io.occupancystream.devicesim.kinesis;

import java.time.Duration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** Creating streams and waiting for them, for the local stack and the tests. */
public final class KinesisStreams {
    private static final Duration POLL = Duration.ofMillis(50);

    private KinesisStreams() {}

    /**
     * Creates {@code stream} with {@code shards} shards unless it exists, and waits until it is
     * ACTIVE. Polls DescribeStreamSummary itself: the SDK's waiter sleeps far longer than a local
     * stream takes.
     */
    public static void createActive(KinesisClient kinesis, String stream, int shards, Duration max)
            throws InterruptedException {
        try {
            kinesis.createStream(r -> r.streamName(stream).shardCount(shards));
        } catch (ResourceInUseException exists) {
            // Already there: wait for it like a new one.
        }
        long deadline = System.nanoTime() + max.toNanos();
        while (status(kinesis, stream) != StreamStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "stream " + stream + " is not ACTIVE after " + max.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static StreamStatus status(KinesisClient kinesis, String stream) {
        return kinesis.describeStreamSummary(r -> r.streamName(stream))
                .streamDescriptionSummary()
                .streamStatus();
    }
}
