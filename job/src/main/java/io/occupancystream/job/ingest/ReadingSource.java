package io.occupancystream.job.ingest;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where raw reading records come from: one JSON reading per record, not yet validated. The pipeline
 * assigns event time after validation, so sources emit no watermarks of their own.
 */
@FunctionalInterface
public interface ReadingSource {
    DataStream<String> rawReadings(StreamExecutionEnvironment env);
}
