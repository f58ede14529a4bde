package io.occupancystream.job.training;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.time.Duration;
import java.util.List;

/** The training-set windows, how late a reading may still join one, and where sets are written. */
public final class TrainingSettings {
    private static final String GROUP = "training";

    public static final Setting<Duration> WINDOW =
            Setting.of(
                    GROUP,
                    "window",
                    "1 h",
                    SettingType.POSITIVE_DURATION,
                    "Size of the event-time tumbling windows that become training-set buckets;"
                            + " must divide a day.");
    public static final Setting<Duration> ALLOWED_LATENESS =
            Setting.of(
                    GROUP,
                    "allowed-lateness",
                    "0 s",
                    SettingType.NON_NEGATIVE_DURATION,
                    "How long after a window closes, by its device's newest reading less"
                        + " source.max-out-of-orderness, a late reading still joins its training"
                        + " rows; later ones go to the late output.");
    public static final Setting<String> PATH =
            Setting.of(
                    GROUP,
                    "path",
                    "",
                    SettingType.TEXT,
                    "Where training sets are written (a folder or a Flink file system URI); empty"
                            + " means <output.path>/training.");

    public static final List<Setting<?>> SETTINGS = List.of(WINDOW, ALLOWED_LATENESS, PATH);

    public final Duration window;
    public final Duration allowedLateness;
    public final String path;

    private TrainingSettings(PropertyGroups p, String outputPath) {
        window = WINDOW.from(p);
        if (Duration.ofDays(1).toMillis() % window.toMillis() != 0) {
            throw WINDOW.invalid(
                    p.get(WINDOW),
                    "a duration that divides one day (for example 15 min, 1 h, 1 d)");
        }
        allowedLateness = ALLOWED_LATENESS.from(p);
        String configured = PATH.from(p);
        path = configured.isEmpty() ? outputPath + "/training" : configured;
    }

    /** The settings, with training sets under {@code outputPath} unless training.path says. */
    public static TrainingSettings from(PropertyGroups p, String outputPath) {
        return new TrainingSettings(p, outputPath);
    }
}
