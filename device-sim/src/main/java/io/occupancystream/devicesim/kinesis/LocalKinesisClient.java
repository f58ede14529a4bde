package io.occupancystream.devicesim.kinesis;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** A Kinesis client for a local stand-in: JSON instead of CBOR, dummy credentials. */
public final class LocalKinesisClient {
    private LocalKinesisClient() {}

    public static KinesisClient connect(URI endpoint) {
        System.setProperty("aws.cborEnabled", "false");
        return KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
