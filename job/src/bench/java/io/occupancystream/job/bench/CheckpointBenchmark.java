package io.occupancystream.job.bench;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.OccupancyPipeline;
import io.occupancystream.job.PipelineOutputs;
import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/bench checkpoints}: replays a recording as fast as it can through the pipeline (rule
 * scoring, outputs computed and dropped) on a MiniCluster in this JVM, checkpointing at an interval
 * to the local file system, and reports the completed checkpoints' sizes and durations as Flink's
 * checkpoint statistics give them. Run with another job jar on the class path to measure another
 * design of the same pipeline.
 */
@Command(
        name = "bench checkpoints",
        mixinStandardHelpOptions = true,
        description =
                "Checkpoint size and duration of the pipeline replaying a recording as fast as it"
                        + " can (e.g. one simulated hour from bin/device-sim simulate).")
public final class CheckpointBenchmark implements Callable<Integer> {
    @Option(
            names = "--recording",
            required = true,
            paramLabel = "FILE",
            description = "Readings to replay, one JSON reading per line (.gz too).")
    Path recording;

    @Option(
            names = "--interval-ms",
            defaultValue = "1000",
            description = "Checkpoint interval (default: ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Parallelism of the replay's operators (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--set",
            paramLabel = "GROUP.KEY=VALUE",
            description = "Override a setting; repeatable.")
    List<String> overrides = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckpointBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path checkpoints = Files.createTempDirectory("bench-checkpoints");
        try (MiniCluster cluster = new MiniCluster(clusterConfiguration())) {
            cluster.start();
            List<String> all = new ArrayList<>();
            all.add("source.replay.path=" + recording);
            all.addAll(overrides);
            JobSettings config = JobSettings.withOverrides(all);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(parallelism);
            env.enableCheckpointing(intervalMillis);
            env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
            RuleScorer rule = config.scoring.rule();
            new OccupancyPipeline(
                            config,
                            new ReplaySource(config.source.replayPath),
                            ScoringStage.of(rule),
                            rule,
                            new PipelineOutputs(
                                    PipelineRun.discard(),
                                    PipelineRun.discard(),
                                    PipelineRun.discard(),
                                    PipelineRun.discard()),
                            Clock.systemUTC())
                    .build(env);
            long start = System.nanoTime();
            JobID job = cluster.submitJob(env.getStreamGraph().getJobGraph()).get().getJobID();
            JobResult result = cluster.requestJobResult(job).get();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.isSuccess()) {
                throw new IllegalStateException(
                        "the replay failed", result.getSerializedThrowable().orElse(null));
            }
            List<AbstractCheckpointStats> completed = new ArrayList<>();
            for (AbstractCheckpointStats c :
                    cluster.getArchivedExecutionGraph(job)
                            .get()
                            .getCheckpointStatsSnapshot()
                            .getHistory()
                            .getCheckpoints()) {
                if (c.getStatus() == CheckpointStatsStatus.COMPLETED) {
                    completed.add(c);
                }
            }
            System.out.println(report(config, completed, seconds));
        } finally {
            FileUtils.deleteDirectory(checkpoints.toFile());
        }
        return 0;
    }

    private String report(JobSettings config, List<AbstractCheckpointStats> completed, double s) {
        if (completed.isEmpty()) {
            return "no checkpoint completed in " + s + " s; lower --interval-ms";
        }
        AbstractCheckpointStats largest = completed.get(0);
        long maxDuration = 0;
        for (AbstractCheckpointStats c : completed) {
            if (c.getStateSize() > largest.getStateSize()) {
                largest = c;
            }
            maxDuration = Math.max(maxDuration, c.getEndToEndDuration());
        }
        return String.format(
                Locale.ROOT,
                "%s: replayed in %.1f s (parallelism %d, training window %s);"
                        + " %d checkpoints completed (every %d ms); largest %,d bytes (checkpoint"
                        + " %d, %d ms); longest %d ms",
                recording,
                s,
                parallelism,
                config.training.window,
                completed.size(),
                intervalMillis,
                largest.getStateSize(),
                largest.getCheckpointId(),
                largest.getEndToEndDuration(),
                maxDuration);
    }

    private MiniClusterConfiguration clusterConfiguration() {
        Configuration conf = new Configuration();
        conf.set(WebOptions.CHECKPOINTS_HISTORY_SIZE, 100_000);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        return new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(parallelism)
                .build();
    }
}
