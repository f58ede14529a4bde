package io.occupancystream.job.scoring;

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

    @Override
    void close();
}
