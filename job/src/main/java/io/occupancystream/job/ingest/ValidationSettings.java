package io.occupancystream.job.ingest;

import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.time.Duration;
import java.util.List;

/** What {@link ReadingValidator} takes from the settings. */
public final class ValidationSettings {
    public static final Setting<Duration> MAX_FUTURE_SKEW =
            Setting.of(
                    "validation",
                    "max-future-skew",
                    "1 d",
                    SettingType.NON_NEGATIVE_DURATION,
                    "Readings stamped further than this ahead of the wall clock are dead letters"
                            + " (TIMESTAMP_IN_FUTURE).");

    public static final List<Setting<?>> SETTINGS = List.of(MAX_FUTURE_SKEW);

    private ValidationSettings() {}
}
