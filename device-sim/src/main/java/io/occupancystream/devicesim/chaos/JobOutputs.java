package io.occupancystream.devicesim.chaos;

import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.tail.StreamTail;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * What the job wrote to Kinesis, read back as it writes it: every record of the results and
 * dead-letter streams with its arrival time.
 */
final class JobOutputs {
    /** An output record and when Kinesis took it. */
    static final class Arrival {
        final String text;
        final long arrivedMillis;

        Arrival(String text, long arrivedMillis) {
            this.text = text;
            this.arrivedMillis = arrivedMillis;
        }
    }

    static final int PAGE = 500;

    final List<Arrival> results = new ArrayList<>();
    final List<Arrival> deadLetters = new ArrayList<>();
    private final StreamTail resultsTail;
    private final StreamTail deadLetterTail;

    JobOutputs(KinesisClient kinesis, String resultsStream, String deadLetterStream) {
        resultsTail =
                new StreamTail(kinesis, resultsStream, System::nanoTime, Pacer.Sleeper.THREAD);
        deadLetterTail =
                new StreamTail(kinesis, deadLetterStream, System::nanoTime, Pacer.Sleeper.THREAD);
        resultsTail.start(ShardIteratorType.TRIM_HORIZON);
        deadLetterTail.start(ShardIteratorType.TRIM_HORIZON);
    }

    /** Reads what arrived since the last poll; true if anything did. */
    boolean poll() {
        int before = results.size() + deadLetters.size();
        readAll(resultsTail, results);
        readAll(deadLetterTail, deadLetters);
        return results.size() + deadLetters.size() > before;
    }

    /**
     * Pages of {@value #PAGE} records: asking kinesalite for 10,000 at a time (dead letters keep up
     * to 64 KiB of their record), the client's 30 s read time-out ran out on a loaded machine.
     */
    private static void readAll(StreamTail tail, List<Arrival> to) {
        List<Record> page;
        do {
            page = tail.pollRecords(PAGE);
            for (Record record : page) {
                to.add(
                        new Arrival(
                                record.data().asUtf8String(),
                                record.approximateArrivalTimestamp().toEpochMilli()));
            }
        } while (!page.isEmpty());
    }
}
