package io.occupancystream.job.scoring;

import java.io.Serializable;
import java.time.Duration;

/**
 * When a micro-batch is sent: at {@code maxRows} rows, {@code maxBytes} of CSV, or {@code maxWait}.
 */
public final class BatchSettings implements Serializable {
    /** SageMaker's InvokeEndpoint payload limit. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    public final int maxRows;
    public final int maxBytes;
    public final long maxWaitMillis;

    public BatchSettings(int maxRows, int maxBytes, Duration maxWait) {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.maxWaitMillis = maxWait.toMillis();
    }
}
