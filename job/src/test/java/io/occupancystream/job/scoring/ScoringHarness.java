package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Result;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/**
 * A scoring function inside Flink's async operator (unordered, as the job runs it), driven by hand
 * on the test's thread: readings in, checkpoints and the operator's time moved by the test, and the
 * results read off once the operator has emitted every completed one.
 */
final class ScoringHarness implements AutoCloseable {
    private final OneInputStreamOperatorTestHarness<FeaturedReading, Result> harness;

    private ScoringHarness(OneInputStreamOperatorTestHarness<FeaturedReading, Result> harness) {
        this.harness = harness;
    }

    /** Opens {@code function} with the given async timeout, at operator time 0. */
    static ScoringHarness open(ModelScoringFunction function, Duration asyncTimeout)
            throws Exception {
        OneInputStreamOperatorTestHarness<FeaturedReading, Result> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new AsyncWaitOperatorFactory<>(
                                function, asyncTimeout.toMillis(), 10_000, OutputMode.UNORDERED),
                        TypeInformation.of(FeaturedReading.class)
                                .createSerializer(new ExecutionConfig()));
        harness.setProcessingTime(0);
        harness.open();
        return new ScoringHarness(harness);
    }

    void score(List<FeaturedReading> readings) throws Exception {
        for (FeaturedReading r : readings) {
            harness.processElement(r, r.reading.timestampMillis());
        }
    }

    /** Sets the async operator's clock, which times readings out. */
    void operatorTime(Duration sinceOpen) throws Exception {
        harness.setProcessingTime(sinceOpen.toMillis());
    }

    void checkpoint(long id) throws Exception {
        harness.prepareSnapshotPreBarrier(id);
        harness.snapshot(id, id);
    }

    /** Every result emitted so far. */
    List<Result> results() throws Exception {
        runPendingMails();
        return harness.extractOutputValues();
    }

    /** Completed futures reach the output through the task's mailbox, as in a running task. */
    private void runPendingMails() throws Exception {
        Optional<Mail> mail;
        while ((mail = harness.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY)).isPresent()) {
            mail.get().run();
        }
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
