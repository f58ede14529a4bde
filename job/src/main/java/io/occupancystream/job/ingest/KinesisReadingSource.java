package io.occupancystream.job.ingest;

import io.occupancystream.job.kinesis.KinesisSettings;
import io.occupancystream.job.kinesis.KinesisStreamConnector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Readings from a Kinesis stream that an IoT rule feeds, one JSON reading per record. The
 * consumer's shard positions are checkpointed, so a restore resumes where the checkpoint was.
 */
public final class KinesisReadingSource implements ReadingSource {
    private final KinesisSettings settings;

    public KinesisReadingSource(KinesisSettings settings) {
        this.settings = settings;
    }

    @Override
    public DataStream<String> rawReadings(StreamExecutionEnvironment env) {
        return env.addSource(KinesisStreamConnector.consumer(settings))
                .name("Kinesis " + settings.inputStream)
                .uid("kinesis-source");
    }
}
