package io.occupancystream.modelops.sagemaker;

import picocli.CommandLine.Option;

/** Where a locally trained model's artifacts go and what serves them. */
public final class ModelPublishingOptions {
    @Option(
            names = "--artifacts",
            paramLabel = "S3_URI",
            description = "Prefix for uploaded models: PREFIX/MODEL_NAME/model.tar.gz.")
    String artifacts;

    @Option(
            names = "--image",
            paramLabel = "URI",
            description = "Serving image (default: SageMaker's built-in XGBoost for the region).")
    String image;
}
