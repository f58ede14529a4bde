package io.occupancystream.modelops.sagemaker;

import io.occupancystream.modelops.data.TrainingDataOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * {@code model-ops deploy-local-model}: a model from {@code model-ops train} behind the endpoint,
 * through the same promotion as an Autopilot candidate.
 */
@Command(
        name = "deploy-local-model",
        mixinStandardHelpOptions = true,
        description = {
            "Uploads MODEL_DIR/model.tar.gz under --artifacts, and deploys it on SageMaker's"
                + " built-in XGBoost container if its validation F1 beats the endpoint's current"
                + " model (or with --force): model package, model, endpoint config, then a new"
                + " endpoint or a blue/green update, waiting until it serves."
        })
public final class DeployLocalModelCommand implements Callable<Integer> {
    @Mixin SageMakerOptions sageMaker;
    @Mixin PromotionOptions promotion;
    @Mixin ModelPublishingOptions publishing;
    @Spec CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL_DIR",
            description = "Model directory from model-ops train.")
    Path model;

    @Option(
            names = "--s3-endpoint",
            paramLabel = "URL",
            description = "Another S3 endpoint (a local S3 server), with path-style addressing.")
    URI s3Endpoint;

    // Replaced in tests.
    Pause pause = Pause.THREAD;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (S3Client s3 = TrainingDataOptions.s3Client(s3Endpoint);
                SageMakerClient client = sageMaker.client()) {
            deploy(
                    model,
                    ChampionComparison.recordedMetrics(
                            "deploy-local-model reads no rows to score both on; the challenger's"
                                    + " F1 is from its own validation split"),
                    client,
                    s3,
                    sageMaker,
                    promotion,
                    publishing,
                    pause,
                    out);
        }
        return 0;
    }

    /** Uploads, promotes if better, records the decision and publishes the card if promoted. */
    static PromotionDecision deploy(
            Path modelDir,
            ChampionComparison comparison,
            SageMakerClient client,
            S3Client s3,
            SageMakerOptions sageMaker,
            PromotionOptions promotion,
            ModelPublishingOptions publishing,
            Pause pause,
            PrintWriter out)
            throws Exception {
        if (publishing.artifacts == null) {
            throw new PromotionException("--artifacts s3://BUCKET/PREFIX is needed for the upload");
        }
        ModelCardPublisher uploads = new ModelCardPublisher(s3);
        URI artifacts = S3Uris.parse(publishing.artifacts, "--artifacts");
        String image =
                publishing.image != null ? publishing.image : XgboostImage.uri(sageMaker.region());
        Challenger challenger = LocalModelChallenger.upload(modelDir, artifacts, image, uploads);
        return promotion.promote(
                new EndpointPromoter(client, promotion.settings(), pause, out),
                challenger,
                comparison,
                uri -> uploads.publish(modelDir, uri),
                out);
    }
}
