package io.occupancystream.job.kinesis;

import java.io.Serializable;
import java.time.Instant;
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

    public final String region;
    public final String endpoint;
    public final String inputStream;
    public final InitialPosition initialPosition;

    /** With {@link InitialPosition#AT_TIMESTAMP} only, else null. */
    public final Instant initialTimestamp;

    public final String resultsStream;
    public final String deadLetterStream;
    public final long sinkMaxBufferMillis;

    public KinesisSettings(
            String region,
            String endpoint,
            String inputStream,
            InitialPosition initialPosition,
            Instant initialTimestamp,
            String resultsStream,
            String deadLetterStream,
            long sinkMaxBufferMillis) {
        this.region = region;
        this.endpoint = endpoint;
        this.inputStream = inputStream;
        this.initialPosition = initialPosition;
        this.initialTimestamp = initialTimestamp;
        this.resultsStream = resultsStream;
        this.deadLetterStream = deadLetterStream;
        this.sinkMaxBufferMillis = sinkMaxBufferMillis;
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
