package io.occupancystream.job.dedup;

import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.time.Duration;
import java.util.List;

/** What {@link Deduplicator} takes from the settings. */
public final class DedupSettings {
    public static final Setting<Duration> RETENTION =
            Setting.of(
                    "dedup",
                    "retention",
                    "1 h",
                    SettingType.POSITIVE_DURATION,
                    "How long, in event time, a (thingName, timestamp) pair is remembered to drop"
                            + " duplicates.");

    public static final List<Setting<?>> SETTINGS = List.of(RETENTION);

    private DedupSettings() {}
}
