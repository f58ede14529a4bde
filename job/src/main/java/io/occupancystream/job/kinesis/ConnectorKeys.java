package io.occupancystream.job.kinesis;

import org.apache.flink.streaming.connectors.kinesis.config.AWSConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;

/** The Kinesis connector's property names that the job sets. */
final class ConnectorKeys {
    static final String REGION = AWSConfigConstants.AWS_REGION;
    static final String ENDPOINT = AWSConfigConstants.AWS_ENDPOINT;
    static final String CREDENTIALS_PROVIDER = AWSConfigConstants.AWS_CREDENTIALS_PROVIDER;
    static final String INITIAL_POSITION = ConsumerConfigConstants.STREAM_INITIAL_POSITION;
    static final String INITIAL_TIMESTAMP = ConsumerConfigConstants.STREAM_INITIAL_TIMESTAMP;
    static final String POLL_INTERVAL = ConsumerConfigConstants.SHARD_GETRECORDS_INTERVAL_MILLIS;
    static final String HTTP_PROTOCOL_VERSION = AWSConfigConstants.HTTP_PROTOCOL_VERSION;

    private ConnectorKeys() {}
}
