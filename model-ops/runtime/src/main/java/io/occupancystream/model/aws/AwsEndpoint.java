package io.occupancystream.model.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Where an AWS client sends its requests and as whom: AWS in a region (configured, else the SDK's
 * region chain), or another endpoint such as a local stand-in; credentials from the SDK's default
 * chain, or a local stand-in's fixed keys. Immutable.
 */
public final class AwsEndpoint {
    private final Region region;
    private final URI override;
    private final AwsBasicCredentials localKeys;

    private AwsEndpoint(Region region, URI override, AwsBasicCredentials localKeys) {
        this.region = region;
        this.override = override;
        this.localKeys = localKeys;
    }

    /**
     * @param region a region name, or null or empty for the SDK's region chain
     * @param override another endpoint, or null for AWS's own
     */
    public static AwsEndpoint of(String region, URI override) {
        return new AwsEndpoint(
                region == null || region.isEmpty() ? null : Region.of(region), override, null);
    }

    /** A local stand-in that accepts requests signed with these keys, for any region. */
    public static AwsEndpoint local(URI endpoint, String accessKey, String secretKey) {
        return new AwsEndpoint(
                Region.US_EAST_1, endpoint, AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** AWS's own endpoint, in the region of the SDK's region chain. */
    public static AwsEndpoint aws() {
        return of(null, null);
    }

    /** Another endpoint (a local stand-in or a private endpoint), else null. */
    public URI override() {
        return override;
    }

    /**
     * The region requests are signed for: the configured one, else the SDK's region chain's. With
     * an endpoint override, only the chain's settings ({@code AWS_REGION}, {@code aws.region}, the
     * profile) count, not the instance metadata service, which takes seconds to time out off EC2;
     * without any, {@code us-east-1}, since a local server accepts any.
     *
     * @throws SdkClientException when no region is configured for AWS's own endpoint
     */
    public Region region() {
        if (region != null) {
            return region;
        }
        if (override == null) {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        }
        try {
            return new AwsRegionProviderChain(
                            new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion();
        } catch (SdkClientException noRegion) {
            return Region.US_EAST_1;
        }
    }

    /** The local stand-in's keys, else the SDK's default credentials chain. */
    public AwsCredentialsProvider credentials() {
        return localKeys != null
                ? StaticCredentialsProvider.create(localKeys)
                : DefaultCredentialsProvider.create();
    }

    /**
     * Points {@code builder} here. Without a configured region or override the SDK resolves the
     * region itself, when the client is built.
     */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        if (override != null) {
            builder.endpointOverride(override);
        }
        if (region != null || override != null) {
            builder.region(region());
        }
        if (localKeys != null) {
            builder.credentialsProvider(credentials());
        }
        return builder;
    }
}
