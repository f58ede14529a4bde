package io.occupancystream.job;

import io.occupancystream.job.config.ConfigKey;
import io.occupancystream.job.config.InvalidConfigException;
import io.occupancystream.job.config.JobConfig;
import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.Scorer;
import io.occupancystream.job.summary.RunSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
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
            names = "--set",
            paramLabel = "GROUP.KEY=VALUE",
            description = "Override one setting; repeatable.")
    List<String> overrides = new ArrayList<>();

    @Spec CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new OccupancyJob());
        cli.getCommandSpec().usageMessage().footer(settingsHelp());
        int code = cli.execute(args);
        if (code != 0 || runsLocally()) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        boolean local = runsLocally();
        JobConfig config;
        try {
            config = new JobConfig(settings(local));
        } catch (InvalidConfigException e) {
            spec.commandLine().getErr().println("Invalid configuration: " + e.getMessage());
            return 2;
        }
        StreamExecutionEnvironment env =
                local
                        ? StreamExecutionEnvironment.createLocalEnvironment(
                                config.parallelism > 0
                                        ? config.parallelism
                                        : Runtime.getRuntime().availableProcessors(),
                                new Configuration())
                        : StreamExecutionEnvironment.getExecutionEnvironment();
        if (config.parallelism > 0) {
            env.setParallelism(config.parallelism);
        }
        env.enableCheckpointing(
                config.checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);

        new OccupancyPipeline(
                        config,
                        source(config),
                        scorer(config),
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
        if (out != null) {
            all.add(ConfigKey.OUTPUT_PATH.qualifiedName() + "=" + out);
        }
        all.addAll(overrides);
        return base.withOverrides(all);
    }

    static ReadingSource source(JobConfig config) {
        switch (config.sourceType) {
            case REPLAY:
                return new ReplaySource(config.replayPath);
            default:
                throw new IllegalStateException("unhandled source " + config.sourceType);
        }
    }

    static Scorer scorer(JobConfig config) {
        switch (config.scorer) {
            case RULE:
                return new RuleScorer(config.ruleSoundThreshold);
            default:
                throw new IllegalStateException("unhandled scorer " + config.scorer);
        }
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
