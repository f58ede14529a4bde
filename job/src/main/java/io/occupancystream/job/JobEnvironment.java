package io.occupancystream.job;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where the job runs. On a cluster (MSF) the environment is the service's, with the checkpointing
 * and parallelism of the application's configuration, which the job leaves alone. A local run (a
 * MiniCluster in this JVM, as the MSF samples tell them apart) gets both from {@link
 * LocalRunSettings}, file checkpoints, a bounded restart strategy and Flink's file-system plugins.
 */
public final class JobEnvironment {
    private JobEnvironment() {}

    static boolean runsLocally() {
        return StreamExecutionEnvironment.getExecutionEnvironment()
                instanceof LocalStreamEnvironment;
    }

    /**
     * A MiniCluster for {@code settings}, reaching S3 at {@code s3Endpoint} if not null; checkpoint
     * files go under the output folder.
     */
    static StreamExecutionEnvironment local(JobSettings settings, String s3Endpoint)
            throws IOException {
        Configuration conf = localConfiguration(settings.output.path, s3Endpoint);
        LocalFileSystems.initialize(conf, LocalFileSystems.defaultPluginsDir());
        LocalRunSettings run = settings.localRun;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(
                        run.parallelism > 0
                                ? run.parallelism
                                : Runtime.getRuntime().availableProcessors(),
                        conf);
        env.enableCheckpointing(run.checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return env;
    }

    /**
     * Checkpoints in files under {@code folder}/checkpoints: a training window's rows outgrow the 5
     * MiB that checkpoints kept in the JobManager's memory may hold.
     */
    public static Configuration checkpointsUnder(String folder) {
        Configuration conf = new Configuration();
        URI uri = new org.apache.flink.core.fs.Path(folder, "checkpoints").toUri();
        if (uri.getScheme() == null) {
            uri = Path.of(uri.getPath()).toAbsolutePath().toUri();
        }
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri.toString());
        return conf;
    }

    /**
     * A local run gives up after a few failed restarts instead of restarting for ever, and reaches
     * S3 where {@code s3Endpoint} says.
     */
    private static Configuration localConfiguration(String outputPath, String s3Endpoint) {
        Configuration conf = checkpointsUnder(outputPath);
        if (s3Endpoint != null) {
            LocalFileSystems.useS3Endpoint(conf, s3Endpoint);
        }
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        return conf;
    }
}
