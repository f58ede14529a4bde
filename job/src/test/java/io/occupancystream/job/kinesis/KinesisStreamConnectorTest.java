package io.occupancystream.job.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.config.InvalidConfigException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KinesisStreamConnectorTest {
    private static KinesisSettings settings(String... overrides) {
        return JobSettings.withOverrides(List.of(overrides)).kinesis;
    }

    @Test
    void atTimestampStartsAtTheInstantInEpochSecondsWhichTheConsumerAccepts() {
        KinesisSettings settings =
                settings(
                        "kinesis.region=eu-west-1",
                        "kinesis.initial-position=AT_TIMESTAMP",
                        "kinesis.initial-timestamp=2024-01-08T09:00:00.250Z");

        Properties p = KinesisStreamConnector.consumerProperties(settings);

        assertThat(p.getProperty("flink.stream.initpos")).isEqualTo("AT_TIMESTAMP");
        assertThat(p.getProperty("flink.stream.initpos.timestamp")).isEqualTo("1704704400.250");
        assertThat(p.getProperty("aws.region")).isEqualTo("eu-west-1");
        assertThat(p.getProperty("aws.credentials.provider")).isEqualTo("AUTO");
        // The consumer validates its properties when it is made.
        assertThat(KinesisStreamConnector.consumer(settings)).isNotNull();
    }

    @Test
    void endpointOverrideWithoutRegionStillNamesOne() {
        Properties p =
                KinesisStreamConnector.consumerProperties(
                        settings("kinesis.endpoint=http://127.0.0.1:4567"));

        assertThat(p.getProperty("aws.endpoint")).isEqualTo("http://127.0.0.1:4567");
        assertThat(p.getProperty("aws.region")).isEqualTo("us-east-1");
        assertThat(p.getProperty("flink.stream.initpos")).isEqualTo("LATEST");
        assertThat(p.getProperty("flink.stream.initpos.timestamp")).isNull();
    }

    @Test
    void consumerPollsEachShardAtThePollInterval() {
        assertThat(
                        KinesisStreamConnector.consumerProperties(settings())
                                .getProperty("flink.shard.getrecords.intervalmillis"))
                .isEqualTo("200");
        assertThat(
                        KinesisStreamConnector.consumerProperties(
                                        settings("kinesis.poll-interval=1 s"))
                                .getProperty("flink.shard.getrecords.intervalmillis"))
                .isEqualTo("1000");
    }

    /** PutRecords takes at most 500 records per call (Amazon Kinesis API Reference, PutRecords). */
    @Test
    void sinkBatchOverPutRecordsLimitIsRefused() {
        assertThat(settings("kinesis.sink.max-batch-size=500").sinkMaxBatchSize).isEqualTo(500);
        assertThatThrownBy(() -> settings("kinesis.sink.max-batch-size=501"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(
                        "kinesis.sink.max-batch-size = '501' is invalid: expected a whole number"
                                + " from 1 to 500");
    }
}
