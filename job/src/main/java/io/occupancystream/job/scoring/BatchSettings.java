package io.occupancystream.job.scoring;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * When a micro-batch is sent: at {@code maxRows} rows, {@code maxBytes} of CSV, or {@code maxWait}.
 */
public final class BatchSettings implements Serializable {
    /** SageMaker's InvokeEndpoint payload limit. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    public static final Setting<Integer> MAX_ROWS =
            Setting.of(
                    ScoringSettings.GROUP,
                    "batch.max-rows",
                    "100",
                    SettingType.POSITIVE_INT,
                    "Readings per model request at most.");
    public static final Setting<Integer> MAX_BYTES =
            Setting.of(
                    ScoringSettings.GROUP,
                    "batch.max-bytes",
                    "1048576",
                    SettingType.POSITIVE_INT,
                    "CSV bytes per model request at most (SageMaker allows 6 MiB).");
    public static final Setting<Duration> MAX_WAIT =
            Setting.of(
                    ScoringSettings.GROUP,
                    "batch.max-wait",
                    "20 ms",
                    SettingType.POSITIVE_DURATION,
                    "How long the first reading of a batch waits for others before the batch is"
                            + " sent.");

    public static final List<Setting<?>> SETTINGS = List.of(MAX_ROWS, MAX_BYTES, MAX_WAIT);

    public final int maxRows;
    public final int maxBytes;
    public final long maxWaitMillis;

    public BatchSettings(int maxRows, int maxBytes, Duration maxWait) {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.maxWaitMillis = maxWait.toMillis();
    }

    public static BatchSettings from(PropertyGroups p) {
        int maxBytes = MAX_BYTES.from(p);
        if (maxBytes > MAX_PAYLOAD_BYTES) {
            throw MAX_BYTES.invalid(
                    p.get(MAX_BYTES),
                    "at most " + MAX_PAYLOAD_BYTES + " (SageMaker's 6 MiB limit)");
        }
        return new BatchSettings(MAX_ROWS.from(p), maxBytes, MAX_WAIT.from(p));
    }
}
