package io.occupancystream.modelops.sagemaker;

import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClientBuilder;

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
        SageMakerClientBuilder builder = SageMakerClient.builder();
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** The region the client uses, for region-specific container images. */
    public Region region() {
        return region != null
                ? Region.of(region)
                : DefaultAwsRegionProviderChain.builder().build().getRegion();
    }
}
