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
                    "Time zone of the rooms, for the hour_of_day and day_of_week features (an IANA"
                            + " id).");

    public static final List<Setting<?>> SETTINGS = List.of(ZONE);

    private FeatureSettings() {}
}
