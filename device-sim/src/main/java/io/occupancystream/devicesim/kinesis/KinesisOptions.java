package io.occupancystream.devicesim.kinesis;

import io.occupancystream.model.aws.AwsEndpoint;
import java.net.URI;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The options that say which Kinesis data stream to use and how to reach it, shared by the commands
 * that write and read streams. Credentials come from the SDK's default chain.
 */
public final class KinesisOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--stream", paramLabel = "NAME", description = "The Kinesis data stream.")
    String stream;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "AWS region of the stream (default: the SDK's region chain, AWS_REGION).")
    String region;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description =
                    "Kinesis endpoint to use instead of AWS's, e.g. kinesalite's"
                            + " http://127.0.0.1:4567.")
    URI endpoint;

    /** The stream name; a usage error when it was not given. */
    public String stream() {
        if (stream == null) {
            throw new ParameterException(
                    mixee.commandLine(), "missing --stream NAME (the Kinesis data stream)");
        }
        return stream;
    }

    /** A client for the chosen region and endpoint; the caller closes it. */
    public KinesisClient newClient() {
        try {
            return newClient(region, endpoint);
        } catch (SdkClientException e) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "cannot make a Kinesis client (give --region REGION?): " + e.getMessage());
        }
    }

    /**
     * A client for {@code region} (null: the SDK's region chain) and {@code endpoint} (null:
     * AWS's); the caller closes it.
     *
     * @throws SdkClientException when no region is given or configured
     */
    public static KinesisClient newClient(String region, URI endpoint) {
        if (endpoint != null) {
            // Kinesis emulators speak JSON only; AWS's Kinesis speaks CBOR, so only an
            // endpoint override turns CBOR off. The SDK reads this when the client is built.
            System.setProperty("aws.cborEnabled", "false");
        }
        return AwsEndpoint.of(region, endpoint)
                .configure(KinesisClient.builder())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** A short name of the stream for summaries. */
    public String describe() {
        return "Kinesis stream " + stream() + (endpoint == null ? "" : " at " + endpoint);
    }
}
