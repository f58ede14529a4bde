package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.follow.ModelRelease;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
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
    private final OneInputStreamOperatorTestHarness<ScoringInput, Result> harness;

    private ScoringHarness(OneInputStreamOperatorTestHarness<ScoringInput, Result> harness) {
        this.harness = harness;
    }

    /** Opens {@code function} with the given async timeout, at operator time 0. */
    static ScoringHarness open(ModelScoringFunction function, Duration asyncTimeout)
            throws Exception {
        return open(function, asyncTimeout, null);
    }

    /** As above, restored from {@code checkpoint} (null for a fresh start). */
    static ScoringHarness open(
            ModelScoringFunction function, Duration asyncTimeout, OperatorSubtaskState checkpoint)
            throws Exception {
        OneInputStreamOperatorTestHarness<ScoringInput, Result> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new AsyncWaitOperatorFactory<>(
                                function, asyncTimeout.toMillis(), 10_000, OutputMode.UNORDERED),
                        TypeInformation.of(ScoringInput.class)
                                .createSerializer(new ExecutionConfig()));
        harness.setProcessingTime(0);
        if (checkpoint != null) {
            harness.initializeState(checkpoint);
        }
        harness.open();
        return new ScoringHarness(harness);
    }

    void score(List<FeaturedReading> readings) throws Exception {
        for (FeaturedReading r : readings) {
            harness.processElement(ScoringInput.of(r), r.reading.timestampMillis());
        }
    }

    /** A model for the readings after it, as the model poller broadcasts it. */
    void release(ModelRelease release) throws Exception {
        harness.processElement(ScoringInput.of(release), 0);
    }

    /** Sets the async operator's clock, which times readings out. */
    void operatorTime(Duration sinceOpen) throws Exception {
        harness.setProcessingTime(sinceOpen.toMillis());
    }

    OperatorSubtaskState checkpoint(long id) throws Exception {
        harness.prepareSnapshotPreBarrier(id);
        return harness.snapshot(id, id);
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
