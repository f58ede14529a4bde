package io.occupancystream.job.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;
import org.apache.flink.runtime.client.JobCancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a stop with a savepoint ends when Flink refuses the savepoint, as it does while a task is
 * finishing: the stop is tried again, a job that ends by itself is left to end, and only after
 * {@value ResumableRun#STOP_ATTEMPTS} refusals is the job cancelled.
 */
class ResumableRunTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SAVEPOINT =
            "file:/runs/a/checkpoints/savepoint-0a1b2c-0123456789ab";

    @TempDir Path run;

    private final Deque<Runnable> retries = new ArrayDeque<>();

    @Test
    void refusedSavepointIsTriedAgainWithoutCancelling() throws Exception {
        FakeJob job = new FakeJob(refused(), CompletableFuture.completedFuture(SAVEPOINT));
        ResumableRun resumable = resumable(job);

        CompletableFuture<String> stopped = resumable.stop();
        assertThat(stopped).isNotDone();
        assertThat(retries).hasSize(1);
        retries.poll().run();

        assertThat(stopped).isCompletedWithValue(SAVEPOINT);
        assertThat(job.stops).isEqualTo(2);
        assertThat(job.cancels).isZero();
        job.result.complete(new JobExecutionResult(job.getJobID(), 0, Map.of()));
        resumable.await();
        assertThat(resumable.stoppedWith()).contains(SAVEPOINT);
        assertThat(folder().finishedAt()).isEmpty();
    }

    @Test
    void afterTheLastRefusalTheJobIsCancelledAndTheMessageSaysWhereTheNextStartResumes()
            throws Exception {
        complete("0a1b2c/chk-4", T);
        FakeJob job = new FakeJob(refused(), refused(), refused());
        ResumableRun resumable = resumable(job);

        CompletableFuture<String> stopped = resumable.stop();
        while (!retries.isEmpty()) {
            retries.poll().run();
        }

        String message =
                "No savepoint after 3 attempts (Task has failed.); cancelled the job. Next start:"
                        + " Resuming from checkpoint file:"
                        + run.resolve("checkpoints/0a1b2c/chk-4")
                        + " (taken 2026-12-01T10:00:00Z)";
        assertThat(job.stops).isEqualTo(3);
        assertThat(job.cancels).isEqualTo(1);
        assertThatThrownBy(stopped::join)
                .hasCauseInstanceOf(NoSavepointException.class)
                .hasRootCauseInstanceOf(CheckpointException.class)
                .cause()
                .hasMessage(message);
        job.result.completeExceptionally(
                new JobCancellationException(job.getJobID(), "Job was cancelled.", null));
        assertThatThrownBy(resumable::await)
                .isInstanceOf(NoSavepointException.class)
                .hasMessage(message);
        assertThat(folder().finishedAt()).isEmpty();
    }

    @Test
    void aJobThatEndsByItselfWhileStoppingIsNeitherRetriedNorCancelledAndIsMarkedFinished()
            throws Exception {
        FakeJob job = new FakeJob(refused());
        job.status = JobStatus.FINISHED;
        ResumableRun resumable = resumable(job);

        CompletableFuture<String> stopped = resumable.stop();

        assertThat(retries).isEmpty();
        assertThat(job.cancels).isZero();
        assertThatThrownBy(stopped::join)
                .cause()
                .isInstanceOf(NoSavepointException.class)
                .hasMessage(
                        "No savepoint (Task has failed.): the job ended (FINISHED) before it"
                                + " stopped");
        job.result.complete(new JobExecutionResult(job.getJobID(), 0, Map.of()));
        resumable.await();
        assertThat(resumable.stoppedWith()).isEmpty();
        assertThat(folder().finishedAt()).isPresent();
    }

    @Test
    void aJobThatFailsWhileStoppingFailsWithItsOwnError() throws Exception {
        FakeJob job = new FakeJob(refused());
        job.status = JobStatus.FAILED;
        ResumableRun resumable = resumable(job);
        resumable.stop();
        IllegalStateException failure = new IllegalStateException("the job's own failure");

        job.result.completeExceptionally(failure);

        assertThatThrownBy(resumable::await)
                .isInstanceOf(ExecutionException.class)
                .hasCause(failure);
        assertThat(job.cancels).isZero();
    }

    private ResumableRun resumable(FakeJob job) {
        return new ResumableRun(job, folder(), RunStart.fresh("test"), retries::add);
    }

    /**
     * How Flink 1.19's MiniCluster job client answered a stop-with-savepoint that a finishing task
     * declined (seen in ResumeClusterTest's runs): the future fails with a CompletionException
     * around "CheckpointException: Task has failed."
     */
    private static CompletableFuture<String> refused() {
        return CompletableFuture.failedFuture(
                new CompletionException(
                        new CheckpointException(CheckpointFailureReason.TASK_FAILURE)));
    }

    private CheckpointFolder folder() {
        return CheckpointFolder.under(run.toString());
    }

    private void complete(String checkpoint, Instant taken) throws IOException {
        Path dir = Files.createDirectories(run.resolve(CheckpointFolder.NAME).resolve(checkpoint));
        Path metadata = Files.writeString(dir.resolve(CheckpointFolder.METADATA), "metadata");
        Files.setLastModifiedTime(metadata, FileTime.from(taken));
    }

    /** A running job that answers stops as given, in order. */
    private static final class FakeJob implements JobClient {
        private final JobID id = new JobID();
        private final Deque<CompletableFuture<String>> answers;
        final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        JobStatus status = JobStatus.RUNNING;
        int stops;
        int cancels;

        @SafeVarargs
        FakeJob(CompletableFuture<String>... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public JobID getJobID() {
            return id;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.completedFuture(status);
        }

        @Override
        public CompletableFuture<Void> cancel() {
            cancels++;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(
                boolean advanceToEndOfEventTime,
                String savepointDirectory,
                SavepointFormatType formatType) {
            stops++;
            return answers.remove();
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(
                String savepointDirectory, SavepointFormatType formatType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Map<String, Object>> getAccumulators() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }
    }
}
