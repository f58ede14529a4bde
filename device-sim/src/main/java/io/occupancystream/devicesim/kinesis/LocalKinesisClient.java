package io.occupancystream.devicesim.kinesis;

import io.occupancystream.model.aws.AwsEndpoint;
import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** A Kinesis client for a local stand-in: JSON instead of CBOR, dummy credentials. */
public final class LocalKinesisClient {
    private LocalKinesisClient() {}

    public static KinesisClient connect(URI endpoint) {
        System.setProperty("aws.cborEnabled", "false");
        return AwsEndpoint.local(endpoint, "test", "test")
                .configure(KinesisClient.builder())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
