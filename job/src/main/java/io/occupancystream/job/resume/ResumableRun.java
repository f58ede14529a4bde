package io.occupancystream.job.resume;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local job that keeps its checkpoints in a {@link CheckpointFolder} and can be stopped with a
 * savepoint there, so that the same command resumes it: after {@link #stop()} nothing the job wrote
 * is written again and nothing is lost. When Flink cannot take the savepoint the job is cancelled,
 * and it resumes from its last checkpoint.
 */
public final class ResumableRun {
    private static final Logger LOG = LoggerFactory.getLogger(ResumableRun.class);

    static final int STOP_ATTEMPTS = 3;

    /**
     * Longer than the 1 s that a local run waits before restarting failed tasks (as a refused
     * stop-with-savepoint leaves them), so that the next attempt finds them running.
     */
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);

    private final JobClient client;
    private final CheckpointFolder checkpoints;
    private final RunStart start;
    private final Executor retries;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<String> savepoint = new CompletableFuture<>();
    private volatile NoSavepointException cancelled;

    ResumableRun(JobClient client, CheckpointFolder checkpoints, RunStart start, Executor retries) {
        this.client = client;
        this.checkpoints = checkpoints;
        this.start = start;
        this.retries = retries;
    }

    /**
     * Submits the job {@code env} holds, which must have been configured for {@code start}.
     *
     * @throws RestoreFailedException when the job cannot take the state it resumes from
     */
    public static ResumableRun submit(
            StreamExecutionEnvironment env,
            String jobName,
            CheckpointFolder checkpoints,
            RunStart start)
            throws Exception {
        try {
            return new ResumableRun(
                    env.executeAsync(jobName),
                    checkpoints,
                    start,
                    CompletableFuture.delayedExecutor(
                            RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            throw explained(e, start);
        }
    }

    public JobClient client() {
        return client;
    }

    /**
     * Stops the job with a savepoint in the checkpoint folder (once; later calls return the same
     * future), completing with the savepoint's path. Flink refuses a savepoint while a task is
     * finishing (a replay's source subtask without a file to read, or one at its end) and then
     * restarts the tasks, so a refused savepoint is tried again, up to {@value #STOP_ATTEMPTS}
     * times; then the job is cancelled and resumes from its last checkpoint. A job that ends by
     * itself meanwhile is left to end. Both complete the future with a {@link
     * NoSavepointException}.
     */
    public CompletableFuture<String> stop() {
        if (stopping.compareAndSet(false, true)) {
            attemptStop(1);
        }
        return savepoint;
    }

    private void attemptStop(int attempt) {
        client.stopWithSavepoint(false, checkpoints.uri(), SavepointFormatType.CANONICAL)
                .whenComplete(
                        (path, failure) -> {
                            if (failure == null) {
                                savepoint.complete(path);
                            } else {
                                client.getJobStatus()
                                        .whenComplete(
                                                (status, unknown) ->
                                                        refused(attempt, failure, status));
                            }
                        });
    }

    /** After a refused savepoint; {@code status} is null when Flink could not say it. */
    private void refused(int attempt, Throwable failure, JobStatus status) {
        String reason = ExceptionUtils.stripCompletionException(failure).getMessage();
        if (status != null && status.isGloballyTerminalState()) {
            String message =
                    "No savepoint ("
                            + reason
                            + "): the job ended ("
                            + status
                            + ") before it stopped";
            LOG.info(message);
            savepoint.completeExceptionally(new NoSavepointException(message, failure));
        } else if (attempt < STOP_ATTEMPTS) {
            LOG.warn(
                    "Savepoint attempt {} of {} refused ({}); trying again in {} s",
                    attempt,
                    STOP_ATTEMPTS,
                    reason,
                    RETRY_DELAY.toSeconds());
            retries.execute(() -> attemptStop(attempt + 1));
        } else {
            String message =
                    "No savepoint after "
                            + STOP_ATTEMPTS
                            + " attempts ("
                            + reason
                            + "); cancelled the job. Next start: "
                            + nextStart();
            LOG.warn(message);
            cancelled = new NoSavepointException(message, failure);
            savepoint.completeExceptionally(cancelled);
            client.cancel();
        }
    }

    /** What the same command will do, from the checkpoints that a cancellation retains. */
    private String nextStart() {
        try {
            return RunStart.decide(checkpoints).describe();
        } catch (IOException e) {
            return "cannot read " + checkpoints + " (" + e.getMessage() + ")";
        }
    }

    /** The savepoint the job was stopped with, once {@link #await()} returned. */
    public Optional<String> stoppedWith() {
        return savepoint.isDone() && !savepoint.isCompletedExceptionally()
                ? Optional.of(savepoint.join())
                : Optional.empty();
    }

    /**
     * A failure of the job's start (a missing operator is found at submission, a serializer that
     * cannot read the state once the tasks restore) as {@link RestoreFailure} explains it, if it
     * does.
     */
    private static Exception explained(Exception failure, RunStart start) {
        return start.checkpoint()
                .flatMap(from -> RestoreFailure.explain(failure, from))
                .<Exception>map(restore -> restore)
                .orElse(failure);
    }

    /**
     * Waits for the job to end, and for a stop that was asked for to settle. A job that ended by
     * itself (a bounded replay, also one that reached its end while being stopped) is marked
     * finished, so that the same command does not run it again.
     *
     * @throws RestoreFailedException when the job could not take the state it resumed from
     * @throws NoSavepointException when a stop took no savepoint and cancelled the job
     */
    public JobExecutionResult await() throws Exception {
        JobExecutionResult result;
        try {
            result = client.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            settleStop();
            if (cancelled != null) {
                throw cancelled;
            }
            throw explained(e, start);
        }
        settleStop();
        if (stoppedWith().isEmpty()) {
            checkpoints.markFinished();
        }
        return result;
    }

    private void settleStop() {
        if (stopping.get()) {
            savepoint.handle((path, failure) -> path).join();
        }
    }
}
