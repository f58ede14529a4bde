package io.occupancystream.job.bench;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.OccupancyPipeline;
import io.occupancystream.job.PipelineOutputs;
import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.outputs.OutputSink;
import io.occupancystream.job.scoring.RuleScorer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * One replay of the whole pipeline with one scoring stage, on a fresh MiniCluster in this JVM: the
 * job's operators and checkpointing, results timed by {@link LatencyRecordingSink}, the other
 * outputs (dead letters, late readings, training sets) computed and dropped.
 */
final class PipelineRun {
    private final int parallelism;
    private final long watermarkIntervalMillis;

    PipelineRun(int parallelism, long watermarkIntervalMillis) {
        this.parallelism = parallelism;
        this.watermarkIntervalMillis = watermarkIntervalMillis;
    }

    ModeResult run(BenchMode mode, JobSettings config, String note) throws Exception {
        LatencyProbe.reset();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, failFast());
        env.getConfig().setAutoWatermarkInterval(watermarkIntervalMillis);
        env.enableCheckpointing(
                config.localRun.checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        RuleScorer rule = config.scoring.rule();
        new OccupancyPipeline(
                        config,
                        new ArrivalTaggingSource(new ReplaySource(config.source.replayPath)),
                        mode.stage(config.scoring, rule),
                        rule,
                        new PipelineOutputs(
                                new LatencyRecordingSink(), discard(), discard(), discard()),
                        Clock.systemUTC())
                .build(env);
        JobExecutionResult result = env.execute("occupancy-stream benchmark: " + mode.label());
        return LatencyProbe.result(mode.label(), note, fallbacks(result));
    }

    /** The fallbacks the job's result tally counted, by reason; reasons without any left out. */
    private static Map<String, Long> fallbacks(JobExecutionResult result) {
        String prefix = MetricName.FALLBACKS.of() + ".";
        Map<String, Long> byReason = new HashMap<>();
        result.getAllAccumulatorResults()
                .forEach(
                        (name, value) -> {
                            if (name.startsWith(prefix) && (Long) value > 0) {
                                byReason.put(name.substring(prefix.length()), (Long) value);
                            }
                        });
        return byReason;
    }

    static <T> OutputSink<T> discard() {
        return (DataStream<T> stream) -> stream.sinkTo(new DiscardingSink<>()).name("discard");
    }

    /** A failure ends the run instead of restarting it, which would blur its figures. */
    private static Configuration failFast() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }
}
