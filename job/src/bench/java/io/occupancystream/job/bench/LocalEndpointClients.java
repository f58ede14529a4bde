package io.occupancystream.job.bench;

import java.net.URI;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/** Blocking AWS SDK clients of an endpoint on this machine, with the SDK's default settings. */
final class LocalEndpointClients {
    private LocalEndpointClients() {}

    /**
     * The SDK signs every request, so it needs credentials even for a local endpoint, which ignores
     * them: sets dummy ones as system properties unless some are set already.
     */
    static void useDummyCredentials() {
        if (System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
    }

    static SageMakerRuntimeClient blocking(URI url) {
        return SageMakerRuntimeClient.builder()
                .endpointOverride(url)
                .region(Region.US_EAST_1) // a local endpoint ignores the signing region
                .build();
    }
}
