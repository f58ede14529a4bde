package io.occupancystream.deploy;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The bucket of the deployment and its layout: the job's training sets and file outputs, the model
 * the job checks at start-up, Autopilot's output and the application jar, each under its prefix so
 * that every role is granted only the prefixes it uses. Encrypted, never public, TLS only.
 */
final class DataBucket extends Construct {
    /** Training sets, written by the job; read by training. Expire after trainingExpiryDays. */
    static final String TRAINING = "training";

    /** The job's other file outputs (late readings). */
    static final String JOB_OUTPUT = "job";

    /** The model directory (model.json + model.tar.gz) the endpoint serves. */
    static final String CURRENT_MODEL = "models/current";

    /** Everything under models/, read by SageMaker to host a model. */
    static final String MODELS = "models";

    /** Output of Autopilot jobs. */
    static final String AUTOPILOT = "autopilot";

    final Bucket bucket;

    DataBucket(Construct scope, String id, String name, DeploySettings settings) {
        super(scope, id);
        bucket =
                Bucket.Builder.create(this, "Bucket")
                        .bucketName(name)
                        .encryption(BucketEncryption.S3_MANAGED)
                        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                        .enforceSsl(true)
                        .lifecycleRules(
                                List.of(
                                        LifecycleRule.builder()
                                                .id("ExpireOldTrainingSets")
                                                .prefix(TRAINING + "/")
                                                .expiration(
                                                        Duration.days(settings.trainingExpiryDays))
                                                .build(),
                                        // The job's S3 writer completes its multipart uploads at
                                        // checkpoints; one cut off by a failure would otherwise
                                        // be billed for ever.
                                        LifecycleRule.builder()
                                                .id("AbortIncompleteUploads")
                                                .abortIncompleteMultipartUploadAfter(
                                                        Duration.days(7))
                                                .build()))
                        // Training sets and models outlive a stack update gone wrong;
                        // docs/deploy.md's
                        // clean-up empties and deletes the bucket.
                        .removalPolicy(RemovalPolicy.RETAIN)
                        .build();
        NagSuppressions.addResourceSuppressions(
                bucket,
                List.of(
                        NagPackSuppression.builder()
                                .id("AwsSolutions-S1")
                                .reason(
                                        "Access logs would need a second bucket for a bucket that"
                                                + " only the deployment's own roles can reach;"
                                                + " CloudTrail data events are the audit trail"
                                                + " to turn on when one is needed.")
                                .build()));
    }
}
