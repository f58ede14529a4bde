package io.occupancystream.devicesim.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.occupancystream.devicesim.kinesis.KinesisStreams;
import io.occupancystream.devicesim.kinesis.LocalKinesisClient;
import io.occupancystream.devicesim.localstack.Kinesalite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The sink-fault proxy answers PutRecords as the Kinesis Data Streams API Reference documents it
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html: error
 * ProvisionedThroughputExceededException, HTTP 400; and API_PutRecordsResultEntry.html: a failed
 * entry has ErrorCode ProvisionedThroughputExceededException, with a message naming the account,
 * stream and shard, or InternalFailure with "Internal Service Failure"), read by the real AWS SDK,
 * and writes exactly the entries it reports written.
 */
class KinesisFaultProxyTest {
    private static final String STREAM = "refused";
    private static final String OTHER = "untouched";
    private static Kinesalite kinesalite;
    private static KinesisFaultProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        kinesalite = Kinesalite.start(Path.of("kinesalite"), 0);
        proxy = new KinesisFaultProxy(kinesalite.endpoint());
        try (KinesisClient kinesis = LocalKinesisClient.connect(kinesalite.endpoint())) {
            KinesisStreams.createActive(kinesis, STREAM, 1, Duration.ofSeconds(30));
            KinesisStreams.createActive(kinesis, OTHER, 1, Duration.ofSeconds(30));
        }
    }

    @AfterAll
    static void stop() {
        proxy.close();
        kinesalite.close();
    }

    @Test
    void throttledEntriesFailAsDocumentedAndOnlyTheOthersAreWritten() {
        proxy.inject(KinesisFaultProxy.Fault.THROTTLE_ENTRIES, Set.of(STREAM));
        try (KinesisClient kinesis = LocalKinesisClient.connect(proxy.endpoint())) {
            PutRecordsResponse response = put(kinesis, STREAM, "a", "b", "c", "d");

            assertThat(response.failedRecordCount()).isEqualTo(2);
            List<PutRecordsResultEntry> entries = response.records();
            for (int i : new int[] {0, 2}) {
                assertThat(entries.get(i).errorCode())
                        .isEqualTo("ProvisionedThroughputExceededException");
                assertThat(entries.get(i).errorMessage())
                        .isEqualTo(
                                "Rate exceeded for shard shardId-000000000000 in stream refused"
                                        + " under account 000000000000.");
                assertThat(entries.get(i).sequenceNumber()).isNull();
            }
            for (int i : new int[] {1, 3}) {
                assertThat(entries.get(i).errorCode()).isNull();
                assertThat(entries.get(i).shardId()).isEqualTo("shardId-000000000000");
                assertThat(entries.get(i).sequenceNumber()).isNotEmpty();
            }
            assertThat(read(kinesis, STREAM)).containsExactly("b", "d");
        } finally {
            proxy.inject(KinesisFaultProxy.Fault.NONE, Set.of());
        }
    }

    @Test
    void failedEntriesAreInternalFailuresAndNothingIsWritten() throws Exception {
        proxy.inject(KinesisFaultProxy.Fault.FAIL_ENTRIES, Set.of("failing"));
        try (KinesisClient direct = LocalKinesisClient.connect(kinesalite.endpoint());
                KinesisClient kinesis = LocalKinesisClient.connect(proxy.endpoint())) {
            KinesisStreams.createActive(direct, "failing", 1, Duration.ofSeconds(30));
            PutRecordsResponse response = put(kinesis, "failing", "a", "b");

            assertThat(response.failedRecordCount()).isEqualTo(2);
            assertThat(response.records())
                    .extracting(
                            PutRecordsResultEntry::errorCode, PutRecordsResultEntry::errorMessage)
                    .containsOnly(tuple("InternalFailure", "Internal Service Failure"));
            assertThat(read(kinesis, "failing")).isEmpty();
        } finally {
            proxy.inject(KinesisFaultProxy.Fault.NONE, Set.of());
        }
    }

    @Test
    void throttledCallsAreRefusedWholeWhileOtherStreamsPassThrough() {
        proxy.inject(KinesisFaultProxy.Fault.THROTTLE_CALLS, Set.of(STREAM));
        try (KinesisClient kinesis = LocalKinesisClient.connect(proxy.endpoint())) {
            long refusedBefore = proxy.refusedCalls();

            assertThatThrownBy(() -> put(kinesis, STREAM, "e"))
                    .isInstanceOfSatisfying(
                            ProvisionedThroughputExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThat(proxy.refusedCalls()).isGreaterThan(refusedBefore);
            assertThat(put(kinesis, OTHER, "f").failedRecordCount()).isZero();
            assertThat(read(kinesis, OTHER)).containsExactly("f");
        } finally {
            proxy.inject(KinesisFaultProxy.Fault.NONE, Set.of());
        }
    }

    private static PutRecordsResponse put(KinesisClient kinesis, String stream, String... data) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (String d : data) {
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey("k")
                            .data(SdkBytes.fromUtf8String(d))
                            .build());
        }
        return kinesis.putRecords(r -> r.streamName(stream).records(entries));
    }

    private static List<String> read(KinesisClient kinesis, String stream) {
        String iterator =
                kinesis.getShardIterator(
                                r ->
                                        r.streamName(stream)
                                                .shardId("shardId-000000000000")
                                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
        return kinesis.getRecords(r -> r.shardIterator(iterator)).records().stream()
                .map(Record::data)
                .map(SdkBytes::asUtf8String)
                .collect(Collectors.toList());
    }
}
