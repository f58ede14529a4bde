package io.occupancystream.modelops.sagemaker;

import io.occupancystream.model.aws.AwsEndpoint;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** How the commands reach SageMaker: region, and an endpoint override for a local test server. */
public final class SageMakerOptions {
    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "AWS region (default: the SDK's region chain, e.g. AWS_REGION).")
    String region;

    @Option(
            names = "--sagemaker-endpoint",
            paramLabel = "URL",
            description = "Another SageMaker API endpoint, e.g. a local test server.")
    URI endpoint;

    public SageMakerClient client() {
        return aws().configure(SageMakerClient.builder()).build();
    }

    /** The region the client uses, for region-specific container images. */
    public Region region() {
        return aws().region();
    }

    private AwsEndpoint aws() {
        return AwsEndpoint.of(region, endpoint);
    }
}
