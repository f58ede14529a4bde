package io.occupancystream.job.scoring;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/** How to reach a SageMaker real-time endpoint. Empty strings mean "not set". */
public final class EndpointSettings implements Serializable {
    public static final Setting<String> NAME =
            Setting.of(
                    ScoringSettings.GROUP,
                    "endpoint.name",
                    "roomOccupancyEndpoint",
                    SettingType.NON_EMPTY,
                    "SageMaker endpoint name.");
    public static final Setting<String> URL =
            Setting.of(
                    ScoringSettings.GROUP,
                    "endpoint.url",
                    "",
                    SettingType.TEXT,
                    "Endpoint URL override, e.g. a local endpoint http://127.0.0.1:8080; empty for"
                            + " SageMaker in the region.");
    public static final Setting<String> REGION =
            Setting.of(
                    ScoringSettings.GROUP,
                    "endpoint.region",
                    "",
                    SettingType.TEXT,
                    "AWS region of the endpoint; empty means the AWS default region chain.");
    public static final Setting<String> TARGET_VARIANT =
            Setting.of(
                    ScoringSettings.GROUP,
                    "endpoint.target-variant",
                    "",
                    SettingType.TEXT,
                    "InvokeEndpoint TargetVariant (a production variant to call); empty for"
                            + " none.");
    public static final Setting<String> INFERENCE_COMPONENT =
            Setting.of(
                    ScoringSettings.GROUP,
                    "endpoint.inference-component",
                    "",
                    SettingType.TEXT,
                    "InvokeEndpoint InferenceComponentName; empty for none.");
    public static final Setting<String> CUSTOM_ATTRIBUTES =
            Setting.of(
                    ScoringSettings.GROUP,
                    "endpoint.custom-attributes",
                    "",
                    SettingType.TEXT,
                    "InvokeEndpoint CustomAttributes passed to the model container; empty for"
                            + " none.");
    public static final Setting<Duration> ATTEMPT_TIMEOUT =
            Setting.of(
                    ScoringSettings.GROUP,
                    "attempt-timeout",
                    "2 s",
                    SettingType.POSITIVE_DURATION,
                    "Time limit of one model request.");

    /** The endpoint.* settings; {@link #ATTEMPT_TIMEOUT} is listed with the async ones. */
    static final List<Setting<?>> ENDPOINT_SETTINGS =
            List.of(NAME, URL, REGION, TARGET_VARIANT, INFERENCE_COMPONENT, CUSTOM_ATTRIBUTES);

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

    /** The endpoint settings, with a connection for each of {@code maxConnections} in flight. */
    public static EndpointSettings from(PropertyGroups p, int maxConnections) {
        return new EndpointSettings(
                NAME.from(p),
                URL.from(p),
                REGION.from(p),
                TARGET_VARIANT.from(p),
                INFERENCE_COMPONENT.from(p),
                CUSTOM_ATTRIBUTES.from(p),
                ATTEMPT_TIMEOUT.from(p),
                maxConnections);
    }
}
