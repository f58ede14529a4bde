package io.occupancystream.job.resume;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
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

    private final JobClient client;
    private final CheckpointFolder checkpoints;
    private final RunStart start;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<String> savepoint = new CompletableFuture<>();

    private ResumableRun(JobClient client, CheckpointFolder checkpoints, RunStart start) {
        this.client = client;
        this.checkpoints = checkpoints;
        this.start = start;
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
            return new ResumableRun(env.executeAsync(jobName), checkpoints, start);
        } catch (Exception e) {
            throw explained(e, start);
        }
    }

    public JobClient client() {
        return client;
    }

    /**
     * Stops the job with a savepoint in the checkpoint folder (once; later calls return the same
     * future), completing with the savepoint's path, or exceptionally when Flink could not take it.
     */
    public CompletableFuture<String> stop() {
        if (stopping.compareAndSet(false, true)) {
            client.stopWithSavepoint(false, checkpoints.uri(), SavepointFormatType.CANONICAL)
                    .whenComplete(
                            (path, failure) -> {
                                if (failure == null) {
                                    savepoint.complete(path);
                                    return;
                                }
                                LOG.warn(
                                        "No savepoint ({}); cancelling: the next start resumes"
                                                + " from the last checkpoint",
                                        failure.toString());
                                savepoint.completeExceptionally(failure);
                                client.cancel();
                            });
        }
        return savepoint;
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
     * Waits for the job to end. A bounded job that ended by itself is marked finished, so that the
     * same command does not run it again.
     *
     * @throws RestoreFailedException when the job could not take the state it resumed from
     */
    public JobExecutionResult await() throws Exception {
        JobExecutionResult result;
        try {
            result = client.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            throw explained(e, start);
        }
        if (!stopping.get()) {
            checkpoints.markFinished();
        }
        return result;
    }
}
