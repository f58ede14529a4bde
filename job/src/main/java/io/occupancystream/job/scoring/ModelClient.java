package io.occupancystream.job.scoring;

import io.occupancystream.job.scoring.follow.ModelRelease;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Scores batches of feature vectors with a model, asynchronously: {@link #score} returns at once
 * and never blocks the caller; the future completes on another thread.
 */
public interface ModelClient extends AutoCloseable {
    /**
     * @param csvRows one inference row per reading, as {@code FeatureCsv.features} writes them
     */
    CompletableFuture<ModelAnswer> score(List<String> csvRows);

    /**
     * Scores every batch passed to {@link #score} after this call with {@code release}; batches
     * passed before keep the model they were sent to. Returns at once; the future fails, and the
     * model in use stays, if the release cannot be used.
     */
    CompletableFuture<Void> use(ModelRelease release);

    @Override
    void close();
}
