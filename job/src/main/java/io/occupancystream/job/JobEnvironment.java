package io.occupancystream.job;

import io.occupancystream.job.resume.CheckpointFolder;
import io.occupancystream.job.resume.RunStart;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.CheckpointConfig.ExternalizedCheckpointCleanup;
import org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where the job runs. On a cluster (MSF) the environment is the service's, with the checkpointing
 * and parallelism of the application's configuration, which the job leaves alone. A local run (a
 * MiniCluster in this JVM, as the MSF samples tell them apart) gets both from {@link
 * LocalRunSettings}, file checkpoints it resumes from, a bounded restart strategy and Flink's
 * file-system plugins.
 */
public final class JobEnvironment {
    /** Enough to go back past a checkpoint that turns out unreadable, few enough to stay small. */
    static final int RETAINED_CHECKPOINTS = 3;

    private JobEnvironment() {}

    static boolean runsLocally() {
        return StreamExecutionEnvironment.getExecutionEnvironment()
                instanceof LocalStreamEnvironment;
    }

    /**
     * Flink's file systems for a local run, reaching S3 at {@code s3Endpoint} if not null: before
     * the job's folder is read.
     */
    static void initializeFileSystems(String s3Endpoint) throws IOException {
        Configuration conf = new Configuration();
        if (s3Endpoint != null) {
            LocalFileSystems.useS3Endpoint(conf, s3Endpoint);
        }
        LocalFileSystems.initialize(conf, LocalFileSystems.defaultPluginsDir());
    }

    /**
     * A MiniCluster for {@code settings}, reaching S3 at {@code s3Endpoint} if not null, that
     * starts as {@code start} says. Checkpoints go to the output folder's {@link CheckpointFolder}
     * and stay there when the job is cancelled or fails (a killed JVM leaves them anyway), the
     * newest {@value #RETAINED_CHECKPOINTS} of them.
     */
    static StreamExecutionEnvironment local(
            JobSettings settings, String s3Endpoint, RunStart start, boolean allowNonRestoredState)
            throws IOException {
        Configuration conf = localConfiguration(settings.output.path, s3Endpoint);
        conf.set(
                ExecutionCheckpointingOptions.EXTERNALIZED_CHECKPOINT,
                ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, RETAINED_CHECKPOINTS);
        start.applyTo(conf, allowNonRestoredState);
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
     * Checkpoints and savepoints in files under {@code folder}/checkpoints: a training window's
     * rows outgrow the 5 MiB that checkpoints kept in the JobManager's memory may hold.
     */
    public static Configuration checkpointsUnder(String folder) {
        Configuration conf = new Configuration();
        String uri = CheckpointFolder.under(folder).uri();
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri);
        conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, uri);
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
