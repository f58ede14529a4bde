package io.occupancystream.modelops.testing;

import io.occupancystream.model.ModelArtifact;
import io.occupancystream.model.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A tiny real XGBoost model for tests, written as a model directory ({@code model.json} + {@code
 * model.tar.gz}) that {@code OccupancyPredictor.load} reads. Trained in a fraction of a second on
 * {@link #ROWS} deterministic rows where a room is occupied exactly when {@code sound > 5}; the
 * same call always writes the same model. Its features are {@link #FEATURES}; sound values well
 * above 5 score above the 0.5 threshold and values well below it score under it.
 */
public final class TestModels {
    public static final String MODEL_VERSION = "test-model-1";
    public static final List<String> FEATURES = List.of("temperature", "sound", "sound_mean_5m");
    public static final String TARGET = "roomoccupancy";
    public static final double THRESHOLD = 0.5;
    public static final int ROWS = 200;

    private TestModels() {}

    /** Trains the model and writes it into {@code dir} (created if absent); returns {@code dir}. */
    public static Path occupancyModel(Path dir) throws IOException {
        Files.createDirectories(dir);
        ModelArtifact.write(dir, trainedBooster());
        ModelCard card = new ModelCard();
        card.modelVersion = MODEL_VERSION;
        card.algorithm = "xgboost";
        card.objective = "binary:logistic";
        card.features = FEATURES;
        card.target = TARGET;
        card.threshold = THRESHOLD;
        card.write(dir);
        return dir;
    }

    /** One training row, in {@link #FEATURES} order: temperature, sound, sound_mean_5m. */
    public static float[] row(int i) {
        float sound = (i * 7) % 11;
        return new float[] {68 + i % 10, sound, sound * 0.9f + (i % 3) * 0.1f};
    }

    private static byte[] trainedBooster() throws IOException {
        int columns = FEATURES.size();
        float[] values = new float[ROWS * columns];
        float[] labels = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            float[] row = row(i);
            System.arraycopy(row, 0, values, i * columns, columns);
            labels[i] = row[1] > 5 ? 1 : 0;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", 2);
        params.put("eta", 0.5);
        params.put("nthread", 1);
        params.put("seed", 0);
        DMatrix train = null;
        Booster booster = null;
        try {
            train = new DMatrix(values, ROWS, columns, Float.NaN);
            train.setLabel(labels);
            booster = XGBoost.train(train, params, 5, Map.of(), null, null);
            return booster.toByteArray("json");
        } catch (XGBoostError e) {
            throw new IOException("training the test model failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (train != null) {
                train.dispose();
            }
        }
    }
}
