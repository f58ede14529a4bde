package io.occupancystream.modelops.sagemaker;

/**
 * What an unattended Autopilot retraining works on: the training prefix, the role Autopilot runs
 * as, how many candidates it tries, how many new rows start it, where the promoted model's card
 * goes, and how the promotion deploys.
 */
public final class RetrainingSettings {
    final String dataUri;
    final String autopilotRoleArn;
    final int maxCandidates;
    final long minNewRows;
    final String modelCardUri;
    final PromotionSettings promotion;

    public RetrainingSettings(
            String dataUri,
            String autopilotRoleArn,
            int maxCandidates,
            long minNewRows,
            String modelCardUri,
            PromotionSettings promotion) {
        S3Uris.parse(dataUri, "training data");
        S3Uris.parse(modelCardUri, "model card");
        this.dataUri = dataUri;
        this.autopilotRoleArn = autopilotRoleArn;
        this.maxCandidates = maxCandidates;
        this.minNewRows = minNewRows;
        this.modelCardUri = modelCardUri;
        this.promotion = promotion;
    }
}
