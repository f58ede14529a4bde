package io.occupancystream.job.config;

/**
 * Every setting of the job: its MSF property group, its key within the group, its default and its
 * meaning. The README's configuration table is checked against this list by a test.
 */
public enum ConfigKey {
    SOURCE_TYPE("source", "type", "replay", "Where readings come from: replay (recorded files)."),
    SOURCE_REPLAY_PATH(
            "source",
            "replay.path",
            "test-data/roe-2017-12.jsonl.gz",
            "File or folder of recorded readings, one JSON reading per line; .gz files are"
                    + " decompressed."),
    SOURCE_MAX_OUT_OF_ORDERNESS(
            "source",
            "max-out-of-orderness",
            "5 s",
            "How far behind the newest reading a reading may arrive and still count as on time"
                    + " (bounded out-of-orderness of the event-time watermark)."),
    SOURCE_IDLENESS(
            "source",
            "idleness",
            "1 min",
            "A source partition that sends nothing for this long no longer holds back the"
                    + " watermark."),
    VALIDATION_MAX_FUTURE_SKEW(
            "validation",
            "max-future-skew",
            "1 d",
            "Readings stamped further than this ahead of the wall clock are dead letters"
                    + " (TIMESTAMP_IN_FUTURE)."),
    DEDUP_RETENTION(
            "dedup",
            "retention",
            "1 h",
            "How long, in event time, a (thingName, timestamp) pair is remembered to drop"
                    + " duplicates."),
    FEATURES_ZONE(
            "features",
            "zone",
            "UTC",
            "Time zone of the rooms, for the hour_of_day and day_of_week features (an IANA id)."),
    TRAINING_WINDOW(
            "training",
            "window",
            "1 h",
            "Size of the event-time tumbling windows that become training-set buckets; must divide"
                    + " a day."),
    TRAINING_ALLOWED_LATENESS(
            "training",
            "allowed-lateness",
            "0 s",
            "How long after a window closes a late reading still joins its training rows; later"
                    + " ones go to the late output."),
    TRAINING_PATH(
            "training",
            "path",
            "",
            "Where training sets are written (a folder or a Flink file system URI); empty means"
                    + " <output.path>/training."),
    SCORING_SCORER("scoring", "scorer", "rule", "How readings are scored: rule."),
    SCORING_RULE_SOUND_THRESHOLD(
            "scoring",
            "rule.sound-threshold",
            "10",
            "The rule scorer calls a room occupied when sound is above this level (the EduKit IoT"
                    + " rule used 10 on its 0-255 scale)."),
    OUTPUT_PATH(
            "output",
            "path",
            "out",
            "Folder (or file system URI) for the file outputs: results/, dead-letters/, late/,"
                    + " and summary.json after a replay."),
    OUTPUT_RESULTS(
            "output",
            "results",
            "file",
            "Where results go: file (JSON lines under <output.path>/results) or stdout."),
    OUTPUT_DEAD_LETTERS(
            "output",
            "dead-letters",
            "file",
            "Where dead letters go: file (<output.path>/dead-letters) or stdout."),
    OUTPUT_LATE(
            "output",
            "late",
            "file",
            "Where readings too late for their training window go: file (<output.path>/late) or"
                    + " stdout."),
    JOB_CHECKPOINT_INTERVAL(
            "job",
            "checkpoint-interval",
            "10 s",
            "Checkpoint interval; file outputs are committed at checkpoints (MSF may override"
                    + " it)."),
    JOB_PARALLELISM(
            "job",
            "parallelism",
            "0",
            "Operator parallelism; 0 keeps the environment's default (MSF sets its own).");

    private final String group;
    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String group, String key, String defaultValue, String description) {
        this.group = group;
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The MSF property group id. */
    public String group() {
        return group;
    }

    /** The property key within its group. */
    public String key() {
        return key;
    }

    /** {@code group.key}, the form used by command-line overrides. */
    public String qualifiedName() {
        return group + "." + key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static ConfigKey byQualifiedName(String name) {
        for (ConfigKey k : values()) {
            if (k.qualifiedName().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
