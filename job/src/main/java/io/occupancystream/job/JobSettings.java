package io.occupancystream.job;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.SettingList;
import io.occupancystream.job.dedup.DedupSettings;
import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.ingest.ValidationSettings;
import io.occupancystream.job.kinesis.KinesisSettings;
import io.occupancystream.job.rooms.RoomSettings;
import io.occupancystream.job.scoring.ScoringSettings;
import io.occupancystream.job.shadow.ShadowSettings;
import io.occupancystream.job.training.TrainingSettings;
import java.time.Duration;
import java.util.List;

/**
 * The job's settings, each stage's read and checked by the stage's own class once at start-up: a
 * bad value fails here with a message naming the key and what it accepts, never later inside a
 * running operator.
 */
public final class JobSettings {
    /**
     * Every setting the stages declare, in the configuration table's order: what names are checked
     * against, and what the table, {@code --help} and the deployment's property groups list.
     */
    public static final SettingList ALL =
            SettingList.of(
                    SourceSettings.SETTINGS,
                    KinesisSettings.SETTINGS,
                    ValidationSettings.SETTINGS,
                    DedupSettings.SETTINGS,
                    TrainingSettings.SETTINGS,
                    ScoringSettings.SETTINGS,
                    RoomSettings.SETTINGS,
                    OutputSettings.SETTINGS,
                    ShadowSettings.SETTINGS,
                    LocalRunSettings.SETTINGS);

    public final SourceSettings source;
    public final KinesisSettings kinesis;
    public final Duration maxFutureSkew;
    public final Duration dedupRetention;
    public final OutputSettings output;
    public final TrainingSettings training;
    public final ScoringSettings scoring;
    public final RoomSettings rooms;

    /** Null unless shadow.enabled. */
    public final ShadowSettings shadow;

    public final LocalRunSettings localRun;

    private JobSettings(PropertyGroups p) {
        source = SourceSettings.from(p);
        kinesis = KinesisSettings.from(p);
        maxFutureSkew = ValidationSettings.MAX_FUTURE_SKEW.from(p);
        dedupRetention = DedupSettings.RETENTION.from(p);
        output = OutputSettings.from(p);
        training = TrainingSettings.from(p, output.path);
        scoring = ScoringSettings.from(p);
        rooms = RoomSettings.from(p);
        shadow = ShadowSettings.from(p);
        localRun = LocalRunSettings.from(p);
    }

    public static JobSettings from(PropertyGroups p) {
        return new JobSettings(p);
    }

    /** The defaults with these {@code group.key=value} overrides. */
    public static JobSettings withOverrides(List<String> overrides) {
        return from(PropertyGroups.empty(ALL).withOverrides(overrides));
    }
}
