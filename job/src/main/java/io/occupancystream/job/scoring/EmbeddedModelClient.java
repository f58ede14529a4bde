package io.occupancystream.job.scoring;

import io.occupancystream.job.scoring.follow.ModelRelease;
import io.occupancystream.model.ModelLocation;
import io.occupancystream.model.OccupancyPredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Scores with the model in process: one {@link OccupancyPredictor} per task, each batch scored in
 * one call to the booster on a dedicated thread so that the task thread never waits for XGBoost. A
 * new model is loaded on that thread too, once per release, between the batches sent before it
 * (scored by the old model) and those sent after; the old booster is freed once the new one has
 * loaded, and stays if it does not.
 */
public final class EmbeddedModelClient implements ModelClient {
    /** Replaced on the executor's thread only. */
    private volatile OccupancyPredictor predictor;

    private final ExecutorService executor;

    private EmbeddedModelClient(OccupancyPredictor predictor) {
        this.predictor = predictor;
        this.executor =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "embedded-model");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * @param model a model directory, or an {@code s3://} prefix holding one
     */
    public static ModelClientFactory factory(String model) {
        return () -> new EmbeddedModelClient(OccupancyPredictor.load(ModelLocation.fetch(model)));
    }

    /** Every task starts with this model, whatever the model directory holds by then. */
    public static ModelClientFactory factory(ModelRelease model) {
        return () -> new EmbeddedModelClient(model.load());
    }

    @Override
    public CompletableFuture<ModelAnswer> score(List<String> csvRows) {
        return CompletableFuture.supplyAsync(() -> predict(csvRows), executor);
    }

    @Override
    public CompletableFuture<Void> use(ModelRelease release) {
        return CompletableFuture.runAsync(
                () -> {
                    OccupancyPredictor loaded;
                    try {
                        loaded = release.load();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    predictor.close();
                    predictor = loaded;
                },
                executor);
    }

    private ModelAnswer predict(List<String> csvRows) {
        int columns = predictor.features().size();
        float[] values = new float[csvRows.size() * columns];
        for (int r = 0; r < csvRows.size(); r++) {
            CsvFloats.read(csvRows.get(r), columns, values, r * columns);
        }
        float[] probabilities = predictor.probabilities(values, csvRows.size());
        boolean[] occupied = new boolean[probabilities.length];
        for (int i = 0; i < occupied.length; i++) {
            occupied[i] = predictor.occupied(probabilities[i]);
        }
        return new ModelAnswer(occupied, probabilities, predictor.version());
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            // a batch or load under way still uses the booster
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        predictor.close();
    }
}
