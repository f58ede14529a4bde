package io.occupancystream.devicesim.chaos;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The input stream resharded while readings flow: its first shard split in two (SplitShard), then
 * the two children merged again (MergeShards). Nothing may be lost, and each device's results keep
 * their order although a device's readings move from a parent shard to a child.
 */
final class ReshardScenario extends Scenario {
    private static final Duration AFTER_EACH = Duration.ofSeconds(20);

    @Override
    String name() {
        return "reshard";
    }

    @Override
    String inject(ScenarioRun run, RunningJob job) throws Exception {
        String stream = run.stack.layout().inputStream;
        try (KinesisClient kinesis = run.stack.kinesisClient()) {
            job.runFor(Duration.ofSeconds(10));
            Shard first = openShards(kinesis, stream).get(0);
            BigInteger low = new BigInteger(first.hashKeyRange().startingHashKey());
            BigInteger high = new BigInteger(first.hashKeyRange().endingHashKey());
            kinesis.splitShard(
                    r ->
                            r.streamName(stream)
                                    .shardToSplit(first.shardId())
                                    .newStartingHashKey(
                                            low.add(high)
                                                    .shiftRight(1)
                                                    .add(BigInteger.ONE)
                                                    .toString()));
            awaitActive(kinesis, stream, job);
            job.runFor(AFTER_EACH);
            List<Shard> children =
                    openShards(kinesis, stream).stream()
                            .filter(s -> first.shardId().equals(s.parentShardId()))
                            .collect(Collectors.toList());
            kinesis.mergeShards(
                    r ->
                            r.streamName(stream)
                                    .shardToMerge(children.get(0).shardId())
                                    .adjacentShardToMerge(children.get(1).shardId()));
            awaitActive(kinesis, stream, job);
            job.runFor(AFTER_EACH);
            return "input split "
                    + first.shardId()
                    + " then merged "
                    + children.get(0).shardId()
                    + " and "
                    + children.get(1).shardId()
                    + "; open shards at the end "
                    + openShards(kinesis, stream).size();
        }
    }

    private static List<Shard> openShards(KinesisClient kinesis, String stream) {
        return kinesis.listShards(r -> r.streamName(stream)).shards().stream()
                .filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null)
                .sorted(
                        Comparator.comparing(
                                s -> new BigInteger(s.hashKeyRange().startingHashKey())))
                .collect(Collectors.toList());
    }

    private static void awaitActive(KinesisClient kinesis, String stream, RunningJob job)
            throws Exception {
        while (kinesis.describeStreamSummary(r -> r.streamName(stream))
                        .streamDescriptionSummary()
                        .streamStatus()
                != StreamStatus.ACTIVE) {
            job.runFor(Duration.ofMillis(100));
        }
    }
}
