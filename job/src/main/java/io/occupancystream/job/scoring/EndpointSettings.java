package io.occupancystream.job.scoring;

import java.io.Serializable;
import java.time.Duration;

/** How to reach a SageMaker real-time endpoint. Empty strings mean "not set". */
public final class EndpointSettings implements Serializable {
    public final String name;
    public final String url;
    public final String region;
    public final String targetVariant;
    public final String inferenceComponent;
    public final String customAttributes;
    public final long attemptTimeoutMillis;
    public final int maxConnections;

    public EndpointSettings(
            String name,
            String url,
            String region,
            String targetVariant,
            String inferenceComponent,
            String customAttributes,
            Duration attemptTimeout,
            int maxConnections) {
        this.name = name;
        this.url = url;
        this.region = region;
        this.targetVariant = targetVariant;
        this.inferenceComponent = inferenceComponent;
        this.customAttributes = customAttributes;
        this.attemptTimeoutMillis = attemptTimeout.toMillis();
        this.maxConnections = maxConnections;
    }
}
