package io.occupancystream.job.bench;

import io.occupancystream.job.outputs.OutputSink;
import io.occupancystream.job.results.Result;
import java.util.Arrays;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The results output of a benchmark run: counts results, notes the latency of those of readings
 * sampled by {@link ReadingIds}, then drops them.
 */
final class LatencyRecordingSink implements OutputSink<Result> {
    @Override
    public void attach(DataStream<Result> results) {
        results.map(new RecordLatency())
                .name("record latency")
                .sinkTo(new DiscardingSink<>())
                .name("discard results");
    }

    private static final class RecordLatency extends RichMapFunction<Result, Result> {
        private transient long results;
        private transient long[] latencies;
        private transient int sampled;
        private transient long lastResultNanos;

        @Override
        public void open(Configuration parameters) {
            results = 0;
            latencies = new long[1 << 12];
            sampled = 0;
            lastResultNanos = LatencyProbe.UNSET;
        }

        @Override
        public Result map(Result result) {
            long now = System.nanoTime();
            results++;
            lastResultNanos = now;
            if (ReadingIds.sampled(result.timestamp)) {
                if (sampled == latencies.length) {
                    latencies = Arrays.copyOf(latencies, 2 * sampled);
                }
                latencies[sampled++] = now - LatencyProbe.takeArrival(result.id());
            }
            return result;
        }

        @Override
        public void close() {
            LatencyProbe.taskFinished(results, Arrays.copyOf(latencies, sampled), lastResultNanos);
        }
    }
}
