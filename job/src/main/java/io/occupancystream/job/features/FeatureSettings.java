package io.occupancystream.job.features;

import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.time.ZoneId;
import java.util.List;

/** What {@link FeatureFunction} takes from the settings. */
public final class FeatureSettings {
    public static final Setting<ZoneId> ZONE =
            Setting.of(
                    "features",
                    "zone",
                    "UTC",
                    SettingType.ZONE,
                    "Time zone of the rooms (an IANA id). No feature reads it any more: the"
                            + " features left out the time of day, which does not carry over"
                            + " between days and rooms.");

    public static final List<Setting<?>> SETTINGS = List.of(ZONE);

    private FeatureSettings() {}
}
