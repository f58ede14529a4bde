package io.occupancystream.job.kinesis;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * How the job reaches its Kinesis streams: region, optional endpoint override and stream names.
 * Credentials always come from the AWS default chain (on MSF, the application's role).
 */
public final class KinesisSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where a first start reads the input stream from. */
    public enum InitialPosition {
        LATEST,
        TRIM_HORIZON,
        AT_TIMESTAMP
    }

    private static final String GROUP = "kinesis";

    public static final Setting<String> REGION =
            Setting.of(
                    GROUP,
                    "region",
                    "",
                    SettingType.TEXT,
                    "AWS region of the streams; empty means the AWS default region chain (on MSF,"
                            + " the application's region).");
    public static final Setting<String> ENDPOINT =
            Setting.of(
                    GROUP,
                    "endpoint",
                    "",
                    SettingType.TEXT,
                    "Kinesis endpoint URL override, e.g. a local kinesalite http://127.0.0.1:4567;"
                            + " empty for Kinesis in the region.");
    public static final Setting<String> INPUT_STREAM =
            Setting.of(
                    GROUP,
                    "input-stream",
                    "occupancy-readings",
                    SettingType.NON_EMPTY,
                    "Stream of readings (one JSON reading per record) when source.type is"
                            + " kinesis.");
    public static final Setting<InitialPosition> INITIAL_POSITION =
            Setting.of(
                    GROUP,
                    "initial-position",
                    "LATEST",
                    SettingType.choice(InitialPosition.class),
                    "Where a first start reads the input stream from: LATEST, TRIM_HORIZON or"
                            + " AT_TIMESTAMP (restores resume from the checkpointed positions).");
    public static final Setting<Instant> INITIAL_TIMESTAMP =
            Setting.of(
                    GROUP,
                    "initial-timestamp",
                    "",
                    SettingType.INSTANT_OR_NONE,
                    "With kinesis.initial-position AT_TIMESTAMP: the UTC instant to start reading"
                            + " at, e.g. 2024-01-08T09:00:00Z.");
    public static final Setting<String> RESULTS_STREAM =
            Setting.of(
                    GROUP,
                    "results-stream",
                    "occupancy-results",
                    SettingType.NON_EMPTY,
                    "Stream for results when output.results is kinesis; partition key"
                            + " thingName.");
    public static final Setting<String> DEAD_LETTER_STREAM =
            Setting.of(
                    GROUP,
                    "dead-letter-stream",
                    "occupancy-dead-letters",
                    SettingType.NON_EMPTY,
                    "Stream for dead letters when output.dead-letters is kinesis.");
    public static final Setting<Duration> SINK_MAX_BUFFER_TIME =
            Setting.of(
                    GROUP,
                    "sink.max-buffer-time",
                    "100 ms",
                    SettingType.POSITIVE_DURATION,
                    "How long a record may wait in a Kinesis sink's buffer before it is sent (the"
                            + " connector's default is 5 s); a full batch is sent at once.");
    public static final Setting<Integer> SINK_MAX_BATCH_SIZE =
            Setting.of(
                    GROUP,
                    "sink.max-batch-size",
                    "500",
                    SettingType.POSITIVE_INT,
                    "Records per PutRecords call of a Kinesis sink, at most 500 (the API's"
                            + " limit).");
    public static final Setting<Duration> POLL_INTERVAL =
            Setting.of(
                    GROUP,
                    "poll-interval",
                    "200 ms",
                    SettingType.POSITIVE_DURATION,
                    "Pause between GetRecords calls on each input shard. Kinesis allows five reads"
                            + " per second per shard, shared by all its consumers: below 200 ms"
                            + " reads are throttled and retried.");

    public static final List<Setting<?>> SETTINGS =
            List.of(
                    REGION,
                    ENDPOINT,
                    INPUT_STREAM,
                    INITIAL_POSITION,
                    INITIAL_TIMESTAMP,
                    RESULTS_STREAM,
                    DEAD_LETTER_STREAM,
                    SINK_MAX_BUFFER_TIME,
                    SINK_MAX_BATCH_SIZE,
                    POLL_INTERVAL);

    public final String region;
    public final String endpoint;
    public final String inputStream;
    public final InitialPosition initialPosition;

    /** With {@link InitialPosition#AT_TIMESTAMP} only, else null. */
    public final Instant initialTimestamp;

    public final String resultsStream;
    public final String deadLetterStream;
    public final long sinkMaxBufferMillis;
    public final int sinkMaxBatchSize;
    public final long pollIntervalMillis;

    private KinesisSettings(PropertyGroups p) {
        region = REGION.from(p);
        endpoint = ENDPOINT.from(p);
        inputStream = INPUT_STREAM.from(p);
        initialPosition = INITIAL_POSITION.from(p);
        initialTimestamp = INITIAL_TIMESTAMP.from(p);
        if ((initialPosition == InitialPosition.AT_TIMESTAMP) != (initialTimestamp != null)) {
            throw INITIAL_TIMESTAMP.invalid(
                    p.get(INITIAL_TIMESTAMP),
                    "a UTC instant exactly when kinesis.initial-position is AT_TIMESTAMP");
        }
        resultsStream = RESULTS_STREAM.from(p);
        deadLetterStream = DEAD_LETTER_STREAM.from(p);
        sinkMaxBufferMillis = SINK_MAX_BUFFER_TIME.from(p).toMillis();
        sinkMaxBatchSize = SINK_MAX_BATCH_SIZE.from(p);
        if (sinkMaxBatchSize > 500) {
            throw SINK_MAX_BATCH_SIZE.invalid(
                    p.get(SINK_MAX_BATCH_SIZE), "a whole number from 1 to 500");
        }
        pollIntervalMillis = POLL_INTERVAL.from(p).toMillis();
    }

    public static KinesisSettings from(PropertyGroups p) {
        return new KinesisSettings(p);
    }

    public boolean hasEndpointOverride() {
        return !endpoint.isEmpty();
    }

    /** The properties both the consumer and the sink take: region, endpoint and credentials. */
    Properties clientProperties() {
        Properties p = new Properties();
        p.setProperty(ConnectorKeys.CREDENTIALS_PROVIDER, "AUTO");
        if (!region.isEmpty()) {
            p.setProperty(ConnectorKeys.REGION, region);
        } else if (hasEndpointOverride()) {
            // The connector insists on a region even when the endpoint says where to go.
            p.setProperty(ConnectorKeys.REGION, "us-east-1");
        }
        if (hasEndpointOverride()) {
            p.setProperty(ConnectorKeys.ENDPOINT, endpoint);
        }
        return p;
    }
}
