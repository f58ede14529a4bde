package io.occupancystream.job.ingest;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where readings come from, which of them to replay, and how event time follows them. */
public final class SourceSettings {
    /** Where a reading source comes from. */
    public enum Type {
        REPLAY,
        KINESIS
    }

    private static final String GROUP = "source";

    public static final Setting<Type> TYPE =
            Setting.of(
                    GROUP,
                    "type",
                    "replay",
                    SettingType.choice(Type.class),
                    "Where readings come from: replay (recorded files) or kinesis (the"
                            + " kinesis.input-stream).");
    public static final Setting<String> REPLAY_PATH =
            Setting.of(
                    GROUP,
                    "replay.path",
                    "test-data/roe-2017-12.jsonl.gz",
                    SettingType.TEXT,
                    "File or folder of recorded readings, one JSON reading per line; .gz files are"
                            + " decompressed.");
    public static final Setting<Instant> REPLAY_SINCE =
            Setting.of(
                    GROUP,
                    "replay.since",
                    "",
                    SettingType.INSTANT_OR_NONE,
                    "Replay only readings stamped at or after this UTC instant (e.g."
                            + " 2017-12-22T18:00:00Z); empty for no limit. Others are counted, not"
                            + " processed.");
    public static final Setting<Instant> REPLAY_UNTIL =
            Setting.of(
                    GROUP,
                    "replay.until",
                    "",
                    SettingType.INSTANT_OR_NONE,
                    "Replay only readings stamped before this UTC instant; empty for no limit.");
    public static final Setting<Duration> MAX_OUT_OF_ORDERNESS =
            Setting.of(
                    GROUP,
                    "max-out-of-orderness",
                    "5 s",
                    SettingType.NON_NEGATIVE_DURATION,
                    "How far behind its device's newest reading a reading may arrive and still"
                            + " count as on time for its training window (the bound of the"
                            + " per-device training watermark and of the event-time watermark);"
                            + " scoring never waits for it.");
    public static final Setting<Duration> IDLENESS =
            Setting.of(
                    GROUP,
                    "idleness",
                    "1 min",
                    SettingType.POSITIVE_DURATION,
                    "A Kinesis shard that sends nothing for this long no longer holds back the"
                            + " event-time watermark, which ages out de-duplication state and,"
                            + " with rooms.order=event-time, lets rooms decide (a replay's readers"
                            + " are never idle).");

    public static final List<Setting<?>> SETTINGS =
            List.of(TYPE, REPLAY_PATH, REPLAY_SINCE, REPLAY_UNTIL, MAX_OUT_OF_ORDERNESS, IDLENESS);

    public final Type type;
    public final String replayPath;

    /** Null for no lower limit. */
    public final Instant replaySince;

    /** Null for no upper limit. */
    public final Instant replayUntil;

    public final Duration maxOutOfOrderness;
    public final Duration idleness;

    private SourceSettings(PropertyGroups p) {
        type = TYPE.from(p);
        replayPath = REPLAY_PATH.from(p);
        if (type == Type.REPLAY && replayPath.isEmpty()) {
            throw REPLAY_PATH.invalid(replayPath, "a file or folder path");
        }
        replaySince = REPLAY_SINCE.from(p);
        replayUntil = REPLAY_UNTIL.from(p);
        maxOutOfOrderness = MAX_OUT_OF_ORDERNESS.from(p);
        idleness = IDLENESS.from(p);
    }

    public static SourceSettings from(PropertyGroups p) {
        return new SourceSettings(p);
    }

    /** Whether only part of a replay is processed. */
    public boolean hasReplayRange() {
        return replaySince != null || replayUntil != null;
    }
}
