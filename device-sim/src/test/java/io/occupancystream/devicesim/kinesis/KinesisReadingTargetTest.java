package io.occupancystream.devicesim.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.devicesim.delivery.DeliveryException;
import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class KinesisReadingTargetTest {
    private static final String STREAM = "readings";

    private long nowNanos = 1_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();
    private final StringWriter report = new StringWriter();
    private FakePutRecords kinesis;

    @AfterEach
    void stopServer() {
        kinesis.close();
    }

    @Test
    void retriesExactlyTheFailedEntries() throws IOException {
        kinesis = new FakePutRecords((call, entries) -> call == 0 ? Set.of(1, 3) : Set.of());
        List<Reading> readings = readings(5);

        try (KinesisReadingTarget target = target()) {
            for (Reading reading : readings) {
                target.send(reading);
            }
        }

        assertThat(kinesis.problems).isEmpty();
        assertThat(kinesis.calls)
                .containsExactly(
                        entries(readings), entries(List.of(readings.get(1), readings.get(3))));
        assertThat(sleeps).containsExactly(100_000_000L);
        assertThat(report.toString())
                .isEqualTo(
                        "kinesis: put 5 records to readings in 2 PutRecords calls,"
                                + " 2 entries retried, 0 lost, 50 records/s"
                                + System.lineSeparator());
    }

    @Test
    void putsAtMostFiveHundredRecordsACall() throws IOException {
        kinesis = new FakePutRecords((call, entries) -> Set.of());

        try (KinesisReadingTarget target = target()) {
            for (Reading reading : readings(1201)) {
                target.send(reading);
            }
        }

        assertThat(kinesis.calls).extracting(List::size).containsExactly(500, 500, 201);
    }

    @Test
    void flushPutsWhatIsHeld() throws IOException {
        kinesis = new FakePutRecords((call, entries) -> Set.of());

        try (KinesisReadingTarget target = target()) {
            target.send(readings(1).get(0));
            target.flush();
            assertThat(kinesis.calls).hasSize(1);
        }

        assertThat(kinesis.calls).hasSize(1);
    }

    @Test
    void aRecordRefusedEveryTimeFailsLoudlyWithTheNumberLost() throws IOException {
        BiFunction<Integer, List<String>, Set<Integer>> alwaysTheFirst = (call, e) -> Set.of(0);
        kinesis = new FakePutRecords(alwaysTheFirst);
        KinesisReadingTarget target = target();
        for (Reading reading : readings(3)) {
            target.send(reading);
        }

        assertThatThrownBy(target::close)
                .isInstanceOf(DeliveryException.class)
                .hasMessage(
                        "1 records were lost: Kinesis stream readings refused them 8 times, last"
                                + " with ProvisionedThroughputExceededException: Rate exceeded for"
                                + " shard shardId-000000000000 (2 records were put)");
        assertThat(kinesis.calls).hasSize(8);
        assertThat(sleeps)
                .containsExactly(
                        100_000_000L,
                        200_000_000L,
                        400_000_000L,
                        800_000_000L,
                        1_600_000_000L,
                        3_200_000_000L,
                        5_000_000_000L);
        assertThat(report.toString()).contains(", 7 entries retried, 1 lost, ");
    }

    private KinesisReadingTarget target() {
        KinesisClient client = LocalKinesisClient.connect(kinesis.endpoint());
        Sleeper sleeper = new Sleeper();
        return new KinesisReadingTarget(
                client,
                STREAM,
                new ShardThrottle(1, () -> nowNanos, sleeper::sleep),
                sleeper::sleep,
                () -> nowNanos,
                new PrintWriter(report));
    }

    private final class Sleeper {
        void sleep(long nanos) {
            sleeps.add(nanos);
            nowNanos += nanos;
        }
    }

    private static List<Reading> readings(int n) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            readings.add(
                    new Reading(
                            "sim-" + (i % 4 + 1),
                            1_704_672_000L + i / 4,
                            68.5,
                            i % 256,
                            HvacStatus.STANDBY,
                            i % 3 == 0));
        }
        return readings;
    }

    private static List<String> entries(List<Reading> readings) {
        List<String> entries = new ArrayList<>();
        for (Reading reading : readings) {
            entries.add(reading.thingName + " " + ReadingJson.write(reading));
        }
        return entries;
    }
}
