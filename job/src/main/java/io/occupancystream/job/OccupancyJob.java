package io.occupancystream.job;

import io.occupancystream.job.config.ConfigKey;
import io.occupancystream.job.config.InvalidConfigException;
import io.occupancystream.job.config.JobConfig;
import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.features.Feature;
import io.occupancystream.job.ingest.KinesisReadingSource;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.scoring.EmbeddedModelClient;
import io.occupancystream.job.scoring.EndpointCheck;
import io.occupancystream.job.scoring.EndpointModelClient;
import io.occupancystream.job.scoring.EndpointUnusableException;
import io.occupancystream.job.scoring.ModelClientFactory;
import io.occupancystream.job.scoring.ModelScoringFunction;
import io.occupancystream.job.scoring.ModelScoringStage;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.scoring.SystemScheduler;
import io.occupancystream.job.summary.RunSummary;
import io.occupancystream.model.FeatureMismatchException;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.ModelLocation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The entry point, on MSF and locally. On MSF the settings are the application's runtime
 * properties; locally (a MiniCluster in this JVM) they are the defaults, an optional MSF-format
 * JSON file and command-line overrides, and a bounded replay ends with a summary.
 */
@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        version = "occupancy-stream job 0.1.0",
        description = "Runs the occupancy-stream Flink job (locally on a MiniCluster).",
        footerHeading = "%nSettings (--set group.key=value; defaults in brackets):%n")
public final class OccupancyJob implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(OccupancyJob.class);
    static final String JOB_NAME = "occupancy-stream";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Settings as MSF runtime properties JSON (PropertyGroupId/PropertyMap).")
    String configFile;

    @Option(
            names = "--replay",
            paramLabel = "PATH",
            description = "Replay recorded readings from this file or folder (.gz is fine).")
    String replay;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Folder for results, dead letters, late readings, training sets, summary.")
    String out;

    @Option(
            names = "--scorer",
            paramLabel = "rule|embedded|endpoint",
            description = "How readings are scored (scoring.scorer).")
    String scorer;

    @Option(
            names = "--model",
            paramLabel = "MODEL_DIR",
            description = "Model directory from model-ops train (scoring.model.path).")
    String model;

    @Option(
            names = "--endpoint",
            paramLabel = "NAME",
            description = "SageMaker endpoint name (scoring.endpoint.name).")
    String endpointName;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "Endpoint URL override, e.g. a local endpoint (scoring.endpoint.url).")
    String endpointUrl;

    @Option(
            names = "--s3-endpoint",
            paramLabel = "URL",
            description =
                    "Local runs: the S3 endpoint for s3:// and s3a:// paths (e.g. the local stack's"
                            + " S3Proxy),"
                            + " with path-style access; credentials from the AWS environment"
                            + " variables.")
    String s3Endpoint;

    @Option(
            names = "--set",
            paramLabel = "GROUP.KEY=VALUE",
            description = "Override one setting; repeatable.")
    List<String> overrides = new ArrayList<>();

    @Spec CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new OccupancyJob());
        cli.getCommandSpec().usageMessage().footer(settingsHelp());
        int code = cli.execute(args);
        if (runsLocally()) {
            System.exit(code);
        }
        // On a cluster (MSF) main runs inside the JobManager: exiting would take it down, so a
        // bad configuration fails the submission instead.
        if (code != 0) {
            throw new IllegalStateException(
                    "occupancy-stream did not start (exit code " + code + "); see the log above");
        }
    }

    @Override
    public Integer call() throws Exception {
        boolean local = runsLocally();
        JobConfig config;
        try {
            config = new JobConfig(settings(local));
            requireModelFeatures(config);
        } catch (InvalidConfigException | FeatureMismatchException e) {
            spec.commandLine().getErr().println("Invalid configuration: " + e.getMessage());
            return 2;
        }
        try {
            checkEndpoint(config);
        } catch (EndpointUnusableException e) {
            spec.commandLine().getErr().println("Endpoint check failed: " + e.getMessage());
            return 2;
        }
        StreamExecutionEnvironment env;
        if (local) {
            Configuration conf = localConfiguration(config);
            LocalFileSystems.initialize(conf, LocalFileSystems.defaultPluginsDir());
            env =
                    StreamExecutionEnvironment.createLocalEnvironment(
                            config.parallelism > 0
                                    ? config.parallelism
                                    : Runtime.getRuntime().availableProcessors(),
                            conf);
        } else {
            env = StreamExecutionEnvironment.getExecutionEnvironment();
        }
        if (config.parallelism > 0) {
            env.setParallelism(config.parallelism);
        }
        env.enableCheckpointing(
                config.checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);

        new OccupancyPipeline(
                        config,
                        source(config),
                        scoring(config),
                        PipelineOutputs.fromConfig(config),
                        Clock.systemUTC())
                .build(env);

        if (!local) {
            env.execute(JOB_NAME);
            return 0;
        }
        long start = System.nanoTime();
        JobExecutionResult result = env.execute(JOB_NAME);
        double seconds = (System.nanoTime() - start) / 1e9;
        RunSummary summary = new RunSummary(result.getAllAccumulatorResults());
        summary.writeTo(config.outputPath, seconds);
        System.out.println(summary.render(seconds));
        System.out.print(summary.labelTable());
        LOG.info("Wrote {}/summary.json", config.outputPath);
        return summary.everyRecordAccountedFor() ? 0 : 1;
    }

    private PropertyGroups settings(boolean local) throws Exception {
        PropertyGroups base;
        if (configFile != null) {
            base = PropertyGroups.fromFile(configFile);
        } else {
            base = local ? PropertyGroups.empty() : PropertyGroups.fromMsfRuntime();
        }
        List<String> all = new ArrayList<>();
        if (replay != null) {
            all.add(ConfigKey.SOURCE_TYPE.qualifiedName() + "=replay");
            all.add(ConfigKey.SOURCE_REPLAY_PATH.qualifiedName() + "=" + replay);
        }
        addIfSet(all, ConfigKey.OUTPUT_PATH, out);
        addIfSet(all, ConfigKey.SCORING_SCORER, scorer);
        addIfSet(all, ConfigKey.SCORING_MODEL_PATH, model);
        addIfSet(all, ConfigKey.SCORING_ENDPOINT_NAME, endpointName);
        addIfSet(all, ConfigKey.SCORING_ENDPOINT_URL, endpointUrl);
        all.addAll(overrides);
        return base.withOverrides(all);
    }

    private static void addIfSet(List<String> overrides, ConfigKey key, String value) {
        if (value != null) {
            overrides.add(key.qualifiedName() + "=" + value);
        }
    }

    /** A model trained on other columns than the job's features must not start scoring. */
    static void requireModelFeatures(JobConfig config) {
        if (config.scorer == JobConfig.ScorerType.RULE) {
            return;
        }
        modelCard(config).requireFeatures(Feature.columns());
    }

    /**
     * One real call before the graph runs, so that what no retry fixes (credentials, permission,
     * endpoint name or region) stops the start instead of turning every result into a fallback.
     */
    static void checkEndpoint(JobConfig config) throws EndpointUnusableException {
        if (config.scorer != JobConfig.ScorerType.ENDPOINT || !config.endpointStartupCheck) {
            return;
        }
        new EndpointCheck(config.endpoint, modelCard(config).threshold, config.asyncTimeout).run();
    }

    private static ModelCard modelCard(JobConfig config) {
        try {
            return ModelLocation.readCard(config.modelPath);
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigException(
                    ConfigKey.SCORING_MODEL_PATH.qualifiedName()
                            + " = '"
                            + config.modelPath
                            + "' has no readable model.json: "
                            + e.getMessage());
        }
    }

    static ReadingSource source(JobConfig config) {
        switch (config.sourceType) {
            case REPLAY:
                return new ReplaySource(config.replayPath);
            case KINESIS:
                return new KinesisReadingSource(config.kinesis);
            default:
                throw new IllegalStateException("unhandled source " + config.sourceType);
        }
    }

    /**
     * The scoring stage the settings describe: the rule, or a model in process or behind an
     * endpoint.
     */
    public static ScoringStage scoring(JobConfig config) {
        RuleScorer rule = new RuleScorer(config.ruleSoundThreshold);
        switch (config.scorer) {
            case RULE:
                return ScoringStage.of(rule);
            case EMBEDDED:
                return modelScoring(config, EmbeddedModelClient.factory(config.modelPath), rule);
            case ENDPOINT:
                return modelScoring(config, endpointClients(config), rule);
            default:
                throw new IllegalStateException("unhandled scorer " + config.scorer);
        }
    }

    /**
     * The configured endpoint's client; the model card's threshold labels bare probabilities, for
     * endpoints that answer only those.
     */
    public static ModelClientFactory endpointClients(JobConfig config) {
        return EndpointModelClient.factory(config.endpoint, modelCard(config).threshold);
    }

    /** Async model scoring with the settings' batching, retries, breaker and rule fallback. */
    public static ScoringStage modelScoring(
            JobConfig config, ModelClientFactory clients, RuleScorer rule) {
        return new ModelScoringStage(
                new ModelScoringFunction(
                        clients,
                        config.batching,
                        config.retries,
                        config.breakerFailures,
                        config.breakerCoolDown.toMillis(),
                        rule,
                        SystemScheduler.FACTORY),
                config.asyncOrdered,
                config.asyncTimeout,
                config.asyncCapacity);
    }

    /**
     * A local run gives up after a few failed restarts instead of restarting for ever, and reaches
     * S3 where --s3-endpoint says.
     */
    private Configuration localConfiguration(JobConfig config) {
        Configuration conf = checkpointsUnder(config.outputPath);
        if (s3Endpoint != null) {
            LocalFileSystems.useS3Endpoint(conf, s3Endpoint);
        }
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        return conf;
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

    private static boolean runsLocally() {
        return StreamExecutionEnvironment.getExecutionEnvironment()
                instanceof LocalStreamEnvironment;
    }

    private static String settingsHelp() {
        StringBuilder help = new StringBuilder();
        for (ConfigKey key : ConfigKey.values()) {
            help.append(
                    String.format(
                            "  %-34s [%s]%n      %s%n",
                            key.qualifiedName(), key.defaultValue(), key.description()));
        }
        return help.toString();
    }
}
