package io.occupancystream.modelops.sagemaker;

import io.occupancystream.modelops.data.S3TrainingSets;
import java.net.URI;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What an Autopilot job reads: a copy of the training sets without their identity columns
 * (timestamp, thing name, room, the rule's sound), under the job's own output prefix. Autopilot
 * takes every column of a tabular dataset but the target as a feature, so on the job's files it
 * would learn the clock, the device names and the raw microphone level; on the copy it learns the
 * features the job sends, and the endpoint it deploys takes the rows the job's scoring sends (the
 * feature columns in training order, no target).
 */
final class AutopilotInput {
    private AutopilotInput() {}

    /** Copies the training sets under {@code dataUri}; returns the copy's prefix. */
    static String stage(S3Client s3, String dataUri, String outputUri, String jobName) {
        String input = AutopilotJobSpec.stagedInput(outputUri, jobName);
        new S3TrainingSets(s3).copyFeaturesOnly(URI.create(dataUri), URI.create(input));
        return input;
    }
}
