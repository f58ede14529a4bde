package io.occupancystream.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained model loaded from its directory ({@code model.json} + {@code model.tar.gz}), in
 * process: the one predictor behind embedded scoring in the job and behind the local endpoint.
 * Scores a batch of rows in one call to the booster. Thread-safe: XGBoost's in-place prediction may
 * be called concurrently.
 */
public final class OccupancyPredictor implements AutoCloseable {
    private final ModelCard card;
    private final Booster booster;

    private OccupancyPredictor(ModelCard card, Booster booster) {
        this.card = card;
        this.booster = booster;
    }

    public static OccupancyPredictor load(Path modelDir) throws IOException {
        return fromBooster(ModelCard.read(modelDir), ModelArtifact.read(modelDir), modelDir);
    }

    /**
     * A model from its card and the contents of its {@value ModelArtifact#FILE}, e.g. as read from
     * S3 into memory; {@code name} names it in errors.
     */
    public static OccupancyPredictor load(ModelCard card, byte[] archive, String name)
            throws IOException {
        return fromBooster(card, ModelArtifact.read(new ByteArrayInputStream(archive), name), name);
    }

    private static OccupancyPredictor fromBooster(ModelCard card, byte[] booster, Object name)
            throws IOException {
        try {
            return new OccupancyPredictor(card, XGBoost.loadModel(booster));
        } catch (XGBoostError e) {
            throw new IOException("cannot load the booster in " + name + ": " + e.getMessage(), e);
        }
    }

    public ModelCard card() {
        return card;
    }

    public List<String> features() {
        return card.features;
    }

    public String version() {
        return card.modelVersion;
    }

    public double threshold() {
        return card.threshold;
    }

    /**
     * Fails unless the caller's columns are exactly the model's, in order; the message names the
     * difference, so a model trained on other columns never scores silently.
     */
    public void requireFeatures(List<String> callerFeatures) {
        card.requireFeatures(callerFeatures);
    }

    /** Probabilities of occupied for {@code rows} rows of {@link #features()} values, row-major. */
    public float[] probabilities(float[] rowMajor, int rows) {
        int columns = card.features.size();
        if (rowMajor.length != rows * columns) {
            throw new IllegalArgumentException(
                    rows + " rows of " + columns + " features need " + rows * columns + " values");
        }
        if (rows == 0) {
            return new float[0];
        }
        try {
            float[][] predictions = booster.inplace_predict(rowMajor, rows, columns, Float.NaN);
            float[] probabilities = new float[rows];
            for (int i = 0; i < rows; i++) {
                probabilities[i] = predictions[i][0];
            }
            return probabilities;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    public boolean occupied(double probability) {
        return probability >= card.threshold;
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
