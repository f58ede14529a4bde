package io.occupancystream.job.bench;

import io.occupancystream.job.ingest.ReadingSource;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A source that notes in {@link LatencyProbe} when its first raw reading comes out, and when each
 * reading sampled for latency does.
 */
final class ArrivalTaggingSource implements ReadingSource {
    private final ReadingSource source;

    ArrivalTaggingSource(ReadingSource source) {
        this.source = source;
    }

    @Override
    public DataStream<String> rawReadings(StreamExecutionEnvironment env) {
        return source.rawReadings(env).map(new TagArrival()).name("tag arrival");
    }

    private static final class TagArrival implements MapFunction<String, String> {
        @Override
        public String map(String line) {
            long now = System.nanoTime();
            LatencyProbe.started(now);
            String sampled = ReadingIds.sampledId(line);
            if (sampled != null) {
                LatencyProbe.arrived(sampled, now);
            }
            return line;
        }
    }
}
