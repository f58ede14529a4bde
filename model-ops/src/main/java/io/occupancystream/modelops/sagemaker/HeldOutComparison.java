package io.occupancystream.modelops.sagemaker;

import io.occupancystream.model.ConfusionMatrix;
import io.occupancystream.model.FeatureMismatchException;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.ModelLocation;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.model.aws.AwsEndpoint;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.train.ModelTrainer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Scores a model-ops challenger and a model-ops champion here, each with its own threshold, on the
 * rows the challenger held out of its training ({@link ModelTrainer#holdingOutLatest()}): the
 * newest rows of the data it was given, which neither its model nor any of its choices saw. Falls
 * back to the recorded metrics, saying why, when the challenger held no rows out, the champion is
 * not a model-ops model, its files are not given, they hold another model, or it takes other
 * features.
 */
final class HeldOutComparison implements ChampionComparison {
    static final String SOURCE_PREFIX = "model-ops:";

    private final Path challengerDir;
    private final TrainingSet trainedOn;
    private final String championLocation;
    private final AwsEndpoint s3;

    /**
     * @param trainedOn the rows the challenger was trained and validated on
     * @param championLocation a folder or s3:// prefix with the champion's model.json and
     *     model.tar.gz; null when not given
     */
    HeldOutComparison(
            Path challengerDir, TrainingSet trainedOn, String championLocation, AwsEndpoint s3) {
        this.challengerDir = challengerDir;
        this.trainedOn = trainedOn;
        this.championLocation = championLocation;
        this.s3 = s3;
    }

    @Override
    public Comparison compare(Champion champion) throws IOException {
        if (champion.source == null || !champion.source.startsWith(SOURCE_PREFIX)) {
            return Comparison.recordedMetrics(
                    "the champion "
                            + champion.model
                            + " is not a model-ops model (source "
                            + champion.source
                            + ") and cannot be scored here");
        }
        if (championLocation == null) {
            return Comparison.recordedMetrics(
                    "the champion's model files are not given (--champion-model or"
                            + " --model-card)");
        }
        Path championDir = ModelLocation.fetch(championLocation, s3);
        String championVersion = champion.source.substring(SOURCE_PREFIX.length());
        String found = ModelCard.read(championDir).modelVersion;
        if (!championVersion.equals(found)) {
            return Comparison.recordedMetrics(
                    championLocation + " holds " + found + ", not the champion " + championVersion);
        }
        TrainingSet heldOut = heldOut(ModelCard.read(challengerDir));
        if (heldOut.rows() == 0) {
            return Comparison.recordedMetrics(
                    "the challenger trained on every row it was given; none is left to compare"
                            + " on");
        }
        try {
            return Comparison.sameRows(
                    heldOut, f1(challengerDir, heldOut), f1(championDir, heldOut));
        } catch (FeatureMismatchException e) {
            return Comparison.recordedMetrics(e.getMessage());
        }
    }

    /** The rows the challenger's model did not train on: the last ones of its data. */
    private TrainingSet heldOut(ModelCard challenger) {
        Object hash = challenger.trainingData.get("hash");
        if (!trainedOn.dataHash().equals(hash)) {
            throw new PromotionException(
                    "the challenger was trained on data "
                            + hash
                            + ", not the rows read ("
                            + trainedOn.dataHash()
                            + ")");
        }
        int heldOut = Math.toIntExact(challenger.rows.getOrDefault(ModelTrainer.HELD_OUT, 0L));
        return trainedOn.slice(trainedOn.rows() - heldOut, trainedOn.rows());
    }

    private static double f1(Path modelDir, TrainingSet rows) throws IOException {
        try (OccupancyPredictor predictor = OccupancyPredictor.load(modelDir)) {
            predictor.requireFeatures(rows.features());
            float[] probabilities = predictor.probabilities(rows.values(), rows.rows());
            return ConfusionMatrix.at(probabilities, rows.labels(), predictor.threshold()).f1();
        }
    }
}
