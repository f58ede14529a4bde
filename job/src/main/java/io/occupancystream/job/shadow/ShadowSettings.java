package io.occupancystream.job.shadow;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.io.Serializable;
import java.util.List;

/** Where and how the job updates device shadows with its decisions. */
public final class ShadowSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String GROUP = "shadow";

    public static final Setting<Boolean> ENABLED =
            Setting.of(
                    GROUP,
                    "enabled",
                    "false",
                    SettingType.BOOLEAN,
                    "true also sends each decision to its thing's device shadow as"
                            + " {\"state\":{\"desired\":{\"roomOccupancy\":...}}} (IoT"
                            + " UpdateThingShadow), as the EduKit tutorial's rule did.");
    public static final Setting<String> ENDPOINT =
            Setting.of(
                    GROUP,
                    "endpoint",
                    "",
                    SettingType.NON_EMPTY,
                    "The account's IoT data endpoint, https://PREFIX-ats.iot.REGION.amazonaws.com"
                            + " (aws iot describe-endpoint --endpoint-type iot:Data-ATS); required"
                            + " when shadow.enabled.");
    public static final Setting<String> REGION =
            Setting.of(
                    GROUP,
                    "region",
                    "",
                    SettingType.TEXT,
                    "AWS region of the IoT data endpoint; empty means the AWS default region"
                            + " chain.");
    public static final Setting<String> NAME =
            Setting.of(
                    GROUP,
                    "name",
                    "",
                    SettingType.TEXT,
                    "A named shadow to update; empty for the classic shadow.");
    public static final Setting<Integer> MAX_IN_FLIGHT =
            Setting.of(
                    GROUP,
                    "max-in-flight",
                    "50",
                    SettingType.POSITIVE_INT,
                    "UpdateThingShadow requests in flight per parallel task at most.");

    public static final List<Setting<?>> SETTINGS =
            List.of(ENABLED, ENDPOINT, REGION, NAME, MAX_IN_FLIGHT);

    public final String endpoint;
    public final String region;
    public final String shadowName;
    public final int maxInFlight;

    public ShadowSettings(String endpoint, String region, String shadowName, int maxInFlight) {
        this.endpoint = endpoint;
        this.region = region;
        this.shadowName = shadowName;
        this.maxInFlight = maxInFlight;
    }

    /** The settings when shadow.enabled, else null (the others are then not read). */
    public static ShadowSettings from(PropertyGroups p) {
        if (!ENABLED.from(p)) {
            return null;
        }
        return new ShadowSettings(
                ENDPOINT.from(p), REGION.from(p), NAME.from(p), MAX_IN_FLIGHT.from(p));
    }
}
