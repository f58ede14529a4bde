package io.occupancystream.modelops.sagemaker;

import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.data.TrainingSet;
import java.time.Instant;

/**
 * The card the job reads for an Autopilot model: the training sets' feature columns in order (the
 * job checks them at start-up) and 0.5 as the threshold for bare probabilities (the endpoint
 * answers predicted_label too, which the job prefers).
 */
final class AutopilotModelCard {
    private AutopilotModelCard() {}

    static ModelCard of(Challenger challenger, TrainingSet data) {
        return of(challenger, TrainedOn.of(data));
    }

    static ModelCard of(Challenger challenger, TrainedOn data) {
        ModelCard card = new ModelCard();
        card.modelVersion = challenger.name;
        card.createdAt = Instant.now().toString();
        card.algorithm = "sagemaker-autopilot";
        card.features = data.features;
        card.target = data.target;
        card.threshold = 0.5;
        card.objective = challenger.metricName;
        card.rows.put("total", data.rows);
        card.trainingData.put("source", challenger.source);
        card.trainingData.put("hash", data.dataHash);
        return card;
    }
}
