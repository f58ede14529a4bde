package io.occupancystream.job;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.time.Duration;
import java.util.List;

/**
 * Checkpointing and parallelism of a local run. On MSF the application's configuration decides
 * both, so the job leaves them to the service there (see {@link JobEnvironment}).
 */
public final class LocalRunSettings {
    private static final String GROUP = "job";

    public static final Setting<Duration> CHECKPOINT_INTERVAL =
            Setting.of(
                    GROUP,
                    "checkpoint-interval",
                    "10 s",
                    SettingType.POSITIVE_DURATION,
                    "Checkpoint interval; file outputs are committed at checkpoints (MSF may"
                            + " override it).");
    public static final Setting<Integer> PARALLELISM =
            Setting.of(
                    GROUP,
                    "parallelism",
                    "0",
                    SettingType.NON_NEGATIVE_INT,
                    "Operator parallelism; 0 keeps the environment's default (MSF sets its own).");

    public static final List<Setting<?>> SETTINGS = List.of(CHECKPOINT_INTERVAL, PARALLELISM);

    public final Duration checkpointInterval;

    /** 0 for the environment's default. */
    public final int parallelism;

    private LocalRunSettings(PropertyGroups p) {
        checkpointInterval = CHECKPOINT_INTERVAL.from(p);
        parallelism = PARALLELISM.from(p);
    }

    public static LocalRunSettings from(PropertyGroups p) {
        return new LocalRunSettings(p);
    }
}
