package io.occupancystream.job;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.util.List;

/** Where the streamed outputs go, and the folder of the file outputs. */
public final class OutputSettings {
    /** Where one of the streamed outputs goes. */
    public enum Target {
        FILE,
        STDOUT,
        KINESIS
    }

    private static final String GROUP = "output";

    public static final Setting<String> PATH =
            Setting.of(
                    GROUP,
                    "path",
                    "out",
                    SettingType.NON_EMPTY,
                    "Folder (or file system URI) for the file outputs: results/, dead-letters/,"
                            + " late/, and summary.json after a replay.");
    public static final Setting<Target> RESULTS =
            Setting.of(
                    GROUP,
                    "results",
                    "file",
                    SettingType.choice(Target.class),
                    "Where results go: file (JSON lines under <output.path>/results), stdout or"
                            + " kinesis (kinesis.results-stream).");
    public static final Setting<Target> DEAD_LETTERS =
            Setting.of(
                    GROUP,
                    "dead-letters",
                    "file",
                    SettingType.choice(Target.class),
                    "Where dead letters go: file (<output.path>/dead-letters), stdout or kinesis"
                            + " (kinesis.dead-letter-stream).");
    public static final Setting<Target> LATE =
            Setting.of(
                    GROUP,
                    "late",
                    "file",
                    SettingType.choice(Target.class),
                    "Where readings too late for their training window go: file"
                            + " (<output.path>/late) or stdout.");

    public static final List<Setting<?>> SETTINGS = List.of(PATH, RESULTS, DEAD_LETTERS, LATE);

    public final String path;
    public final Target results;
    public final Target deadLetters;
    public final Target late;

    private OutputSettings(PropertyGroups p) {
        path = PATH.from(p);
        results = RESULTS.from(p);
        deadLetters = DEAD_LETTERS.from(p);
        late = LATE.from(p);
        if (late == Target.KINESIS) {
            throw LATE.invalid(p.get(LATE), "file or stdout");
        }
    }

    public static OutputSettings from(PropertyGroups p) {
        return new OutputSettings(p);
    }
}
