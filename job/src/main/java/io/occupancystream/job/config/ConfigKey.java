package io.occupancystream.job.config;

/**
 * Every setting of the job: its MSF property group, its key within the group, its default and its
 * meaning. The README's configuration table is checked against this list by a test.
 */
public enum ConfigKey {
    SOURCE_TYPE(
            "source",
            "type",
            "replay",
            "Where readings come from: replay (recorded files) or kinesis (the"
                    + " kinesis.input-stream)."),
    SOURCE_REPLAY_PATH(
            "source",
            "replay.path",
            "test-data/roe-2017-12.jsonl.gz",
            "File or folder of recorded readings, one JSON reading per line; .gz files are"
                    + " decompressed."),
    SOURCE_REPLAY_SINCE(
            "source",
            "replay.since",
            "",
            "Replay only readings stamped at or after this UTC instant (e.g."
                    + " 2017-12-22T18:00:00Z); empty for no limit. Others are counted, not"
                    + " processed."),
    SOURCE_REPLAY_UNTIL(
            "source",
            "replay.until",
            "",
            "Replay only readings stamped before this UTC instant; empty for no limit."),
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
    KINESIS_REGION(
            "kinesis",
            "region",
            "",
            "AWS region of the streams; empty means the AWS default region chain (on MSF, the"
                    + " application's region)."),
    KINESIS_ENDPOINT(
            "kinesis",
            "endpoint",
            "",
            "Kinesis endpoint URL override, e.g. a local kinesalite http://127.0.0.1:4567; empty"
                    + " for Kinesis in the region."),
    KINESIS_INPUT_STREAM(
            "kinesis",
            "input-stream",
            "occupancy-readings",
            "Stream of readings (one JSON reading per record) when source.type is kinesis."),
    KINESIS_INITIAL_POSITION(
            "kinesis",
            "initial-position",
            "LATEST",
            "Where a first start reads the input stream from: LATEST, TRIM_HORIZON or"
                    + " AT_TIMESTAMP (restores resume from the checkpointed positions)."),
    KINESIS_INITIAL_TIMESTAMP(
            "kinesis",
            "initial-timestamp",
            "",
            "With kinesis.initial-position AT_TIMESTAMP: the UTC instant to start reading at,"
                    + " e.g. 2024-01-08T09:00:00Z."),
    KINESIS_RESULTS_STREAM(
            "kinesis",
            "results-stream",
            "occupancy-results",
            "Stream for results when output.results is kinesis; partition key thingName."),
    KINESIS_DEAD_LETTER_STREAM(
            "kinesis",
            "dead-letter-stream",
            "occupancy-dead-letters",
            "Stream for dead letters when output.dead-letters is kinesis."),
    KINESIS_SINK_MAX_BUFFER_TIME(
            "kinesis",
            "sink.max-buffer-time",
            "1 s",
            "How long a record may wait in a Kinesis sink's buffer before it is sent."),
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
    SCORING_SCORER(
            "scoring",
            "scorer",
            "rule",
            "How readings are scored: rule (the EduKit rule), embedded (the model in process) or"
                    + " endpoint (a SageMaker endpoint through async I/O)."),
    SCORING_RULE_SOUND_THRESHOLD(
            "scoring",
            "rule.sound-threshold",
            "10",
            "The rule scorer calls a room occupied when sound is above this level (the EduKit IoT"
                    + " rule used 10 on its 0-255 scale)."),
    SCORING_MODEL_PATH(
            "scoring",
            "model.path",
            "",
            "Model directory (model.json + model.tar.gz) from model-ops train, or an s3:// prefix"
                    + " holding one: the model for"
                    + " embedded scoring, and for both model scorers the feature names checked at"
                    + " start-up and the threshold for endpoints that answer bare probabilities."),
    SCORING_ENDPOINT_NAME(
            "scoring", "endpoint.name", "roomOccupancyEndpoint", "SageMaker endpoint name."),
    SCORING_ENDPOINT_URL(
            "scoring",
            "endpoint.url",
            "",
            "Endpoint URL override, e.g. a local endpoint http://127.0.0.1:8080; empty for"
                    + " SageMaker in the region."),
    SCORING_ENDPOINT_REGION(
            "scoring",
            "endpoint.region",
            "",
            "AWS region of the endpoint; empty means the AWS default region chain."),
    SCORING_ENDPOINT_TARGET_VARIANT(
            "scoring",
            "endpoint.target-variant",
            "",
            "InvokeEndpoint TargetVariant (a production variant to call); empty for none."),
    SCORING_ENDPOINT_INFERENCE_COMPONENT(
            "scoring",
            "endpoint.inference-component",
            "",
            "InvokeEndpoint InferenceComponentName; empty for none."),
    SCORING_ENDPOINT_CUSTOM_ATTRIBUTES(
            "scoring",
            "endpoint.custom-attributes",
            "",
            "InvokeEndpoint CustomAttributes passed to the model container; empty for none."),
    SCORING_ENDPOINT_STARTUP_CHECK(
            "scoring",
            "endpoint.startup-check",
            "true",
            "true makes one real InvokeEndpoint before the job starts and stops the start if no"
                    + " retry could make it succeed (no region or credentials, access denied, no"
                    + " such endpoint); false skips it, e.g. when the job may start before its"
                    + " endpoint exists."),
    SCORING_BATCH_MAX_ROWS(
            "scoring", "batch.max-rows", "100", "Readings per model request at most."),
    SCORING_BATCH_MAX_BYTES(
            "scoring",
            "batch.max-bytes",
            "1048576",
            "CSV bytes per model request at most (SageMaker allows 6 MiB)."),
    SCORING_BATCH_MAX_WAIT(
            "scoring",
            "batch.max-wait",
            "20 ms",
            "How long the first reading of a batch waits for others before the batch is sent."),
    SCORING_ASYNC_CAPACITY(
            "scoring", "async.capacity", "1000", "Readings in flight per parallel task at most."),
    SCORING_ASYNC_TIMEOUT(
            "scoring",
            "async.timeout",
            "10 s",
            "A reading without a model answer by then is scored by the rule (fallback TIMEOUT)."),
    SCORING_ASYNC_ORDERED(
            "scoring",
            "async.ordered",
            "false",
            "true keeps results in input order; false (faster) emits them as answers arrive."),
    SCORING_ATTEMPT_TIMEOUT(
            "scoring", "attempt-timeout", "2 s", "Time limit of one model request."),
    SCORING_RETRY_MAX_ATTEMPTS(
            "scoring",
            "retry.max-attempts",
            "4",
            "Requests per batch at most, for throttling, 5xx, 429 and network errors."),
    SCORING_RETRY_BASE_BACKOFF(
            "scoring",
            "retry.base-backoff",
            "100 ms",
            "Pause after the first failure; doubles with each retry, with jitter."),
    SCORING_RETRY_MAX_BACKOFF(
            "scoring", "retry.max-backoff", "2 s", "The longest pause between retries."),
    SCORING_RETRY_BUDGET(
            "scoring",
            "retry.budget",
            "5 s",
            "No retry starts later than this after a batch's first request; with"
                    + " scoring.batch.max-wait it must stay below scoring.async.timeout."),
    SCORING_BREAKER_FAILURES(
            "scoring",
            "breaker.failures",
            "5",
            "Consecutive failed requests that open the circuit breaker (the model is then not"
                    + " called; readings fall back to the rule)."),
    SCORING_BREAKER_COOL_DOWN(
            "scoring",
            "breaker.cool-down",
            "10 s",
            "How long the breaker stays open before one probe request is let through."),
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
            "Where results go: file (JSON lines under <output.path>/results), stdout or kinesis"
                    + " (kinesis.results-stream)."),
    OUTPUT_DEAD_LETTERS(
            "output",
            "dead-letters",
            "file",
            "Where dead letters go: file (<output.path>/dead-letters), stdout or kinesis"
                    + " (kinesis.dead-letter-stream)."),
    OUTPUT_LATE(
            "output",
            "late",
            "file",
            "Where readings too late for their training window go: file (<output.path>/late) or"
                    + " stdout."),
    SHADOW_ENABLED(
            "shadow",
            "enabled",
            "false",
            "true also sends each decision to its thing's device shadow as"
                    + " {\"state\":{\"desired\":{\"roomOccupancy\":...}}} (IoT UpdateThingShadow),"
                    + " as the EduKit tutorial's rule did."),
    SHADOW_ENDPOINT(
            "shadow",
            "endpoint",
            "",
            "The account's IoT data endpoint, https://PREFIX-ats.iot.REGION.amazonaws.com (aws"
                    + " iot describe-endpoint --endpoint-type iot:Data-ATS); required when"
                    + " shadow.enabled."),
    SHADOW_REGION(
            "shadow",
            "region",
            "",
            "AWS region of the IoT data endpoint; empty means the AWS default region chain."),
    SHADOW_NAME("shadow", "name", "", "A named shadow to update; empty for the classic shadow."),
    SHADOW_MAX_IN_FLIGHT(
            "shadow",
            "max-in-flight",
            "50",
            "UpdateThingShadow requests in flight per parallel task at most."),
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
