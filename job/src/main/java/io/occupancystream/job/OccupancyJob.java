package io.occupancystream.job;

import io.occupancystream.job.config.InvalidConfigException;
import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.resume.CheckpointFolder;
import io.occupancystream.job.resume.EarlierRun;
import io.occupancystream.job.resume.NoSavepointException;
import io.occupancystream.job.resume.RestoreFailedException;
import io.occupancystream.job.resume.ResumableRun;
import io.occupancystream.job.resume.RunStart;
import io.occupancystream.job.resume.StopOnSignal;
import io.occupancystream.job.scoring.EndpointSettings;
import io.occupancystream.job.scoring.EndpointUnusableException;
import io.occupancystream.job.scoring.ScoringSettings;
import io.occupancystream.job.scoring.ScoringStages;
import io.occupancystream.job.summary.RunSummary;
import io.occupancystream.model.FeatureMismatchException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command line, on MSF and locally: it reads the settings, runs the start-up checks and the
 * {@link JobWiring} pipeline in the {@link JobEnvironment}. On MSF the settings are the
 * application's runtime properties; locally (a MiniCluster in this JVM) they are the defaults, an
 * optional MSF-format JSON file and command-line overrides, and a bounded replay ends with a
 * summary.
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

    /** The exit code when the run's checkpoint does not fit the job; the message says why. */
    static final int RESTORE_FAILED = 3;

    /**
     * The exit code of a stop that could take no savepoint and cancelled the job, as a second
     * Ctrl-C's abort: the next start resumes from the last checkpoint.
     */
    static final int STOPPED_WITHOUT_SAVEPOINT = 130;

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
            description =
                    "Model directory from model-ops train (scoring.model.path). Without --scorer,"
                            + " and with no scoring.scorer in the settings, the model scores in"
                            + " process (embedded).")
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
            names = "--fresh",
            description =
                    "Local runs: start over instead of resuming from the run's checkpoints; the"
                            + " earlier run's checkpoints and file outputs move to"
                            + " <output.path>/earlier-runs/<time>.")
    boolean fresh;

    @Option(
            names = "--allow-non-restored-state",
            description =
                    "Local runs: resume even though the checkpoint holds state of operators this"
                            + " job no longer has; that state is dropped.")
    boolean allowNonRestoredState;

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
        if (JobEnvironment.runsLocally()) {
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
        boolean local = JobEnvironment.runsLocally();
        JobSettings settings;
        try {
            settings = JobSettings.from(settings(local));
            ScoringStages.checkBeforeStart(settings.scoring);
        } catch (InvalidConfigException | FeatureMismatchException e) {
            spec.commandLine().getErr().println("Invalid configuration: " + e.getMessage());
            return 2;
        } catch (EndpointUnusableException e) {
            spec.commandLine().getErr().println("Endpoint check failed: " + e.getMessage());
            return 2;
        }
        if (!local) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobWiring.pipeline(settings, Clock.systemUTC()).build(env);
            env.execute(JOB_NAME);
            return 0;
        }
        return runLocally(settings);
    }

    /**
     * A MiniCluster run that resumes from the run folder's checkpoints (output.path), or starts
     * fresh, and stops with a savepoint on Ctrl-C.
     */
    private int runLocally(JobSettings settings) throws Exception {
        JobEnvironment.initializeFileSystems(s3Endpoint);
        CheckpointFolder checkpoints = CheckpointFolder.under(settings.output.path);
        RunStart start = fresh ? startOver(settings) : RunStart.decide(checkpoints);
        LOG.info(start.describe());
        if (start.finished()) {
            return 0;
        }
        checkpoints.keepNewest(JobEnvironment.RETAINED_CHECKPOINTS);
        StreamExecutionEnvironment env =
                JobEnvironment.local(settings, s3Endpoint, start, allowNonRestoredState);
        JobWiring.pipeline(settings, Clock.systemUTC()).build(env);

        long begin = System.nanoTime();
        ResumableRun run;
        JobExecutionResult result;
        try {
            run = ResumableRun.submit(env, JOB_NAME, checkpoints, start);
            try (StopOnSignal signals = StopOnSignal.install(run)) {
                result = run.await();
            }
        } catch (RestoreFailedException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return RESTORE_FAILED;
        } catch (NoSavepointException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return STOPPED_WITHOUT_SAVEPOINT;
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        RunSummary summary = new RunSummary(result.getAllAccumulatorResults());
        summary.writeTo(settings.output.path, seconds);
        System.out.println(summary.render(seconds));
        System.out.print(summary.labelTable());
        LOG.info("Wrote {}/{}", settings.output.path, RunSummary.FILE_NAME);
        run.stoppedWith()
                .ifPresent(
                        savepoint ->
                                LOG.info(
                                        "Stopped with savepoint {}: the same command resumes"
                                                + " from it",
                                        savepoint));
        return summary.everyRecordAccountedFor() ? 0 : 1;
    }

    /** --fresh: moves the earlier run's checkpoints and file outputs aside. */
    private static RunStart startOver(JobSettings settings) throws IOException {
        List<String> entries = new ArrayList<>(PipelineOutputs.FOLDERS);
        entries.add(CheckpointFolder.NAME);
        entries.add(RunSummary.FILE_NAME);
        String prefix = settings.output.path + "/";
        if (settings.training.path.startsWith(prefix)) {
            entries.add(settings.training.path.substring(prefix.length()));
        }
        return EarlierRun.moveAside(settings.output.path, entries, Instant.now())
                .map(
                        moved ->
                                RunStart.fresh(
                                        "--fresh: the earlier run's checkpoints and file outputs"
                                                + " moved to "
                                                + moved))
                .orElseGet(
                        () -> RunStart.fresh("--fresh: no earlier run in " + settings.output.path));
    }

    PropertyGroups settings(boolean local) throws Exception {
        PropertyGroups base;
        if (configFile != null) {
            base = PropertyGroups.fromFile(JobSettings.ALL, configFile);
        } else {
            base =
                    local
                            ? PropertyGroups.empty(JobSettings.ALL)
                            : PropertyGroups.fromMsfRuntime(JobSettings.ALL);
        }
        List<String> all = new ArrayList<>();
        if (replay != null) {
            all.add(SourceSettings.TYPE.qualifiedName() + "=replay");
            all.add(SourceSettings.REPLAY_PATH.qualifiedName() + "=" + replay);
        }
        addIfSet(all, OutputSettings.PATH, out);
        addIfSet(all, ScoringSettings.SCORER, scorerFor(base.withOverrides(overrides)));
        addIfSet(all, ScoringSettings.MODEL_PATH, model);
        addIfSet(all, EndpointSettings.NAME, endpointName);
        addIfSet(all, EndpointSettings.URL, endpointUrl);
        all.addAll(overrides);
        return base.withOverrides(all);
    }

    /**
     * {@code --scorer}, else embedded when {@code --model} is given and the settings name no
     * scorer: a model given on the command line is meant to score, and the rule's default would
     * leave it unused without a word.
     */
    private String scorerFor(PropertyGroups configured) {
        if (scorer != null || model == null || configured.isSet(ScoringSettings.SCORER)) {
            return scorer;
        }
        return ScoringSettings.ScorerType.EMBEDDED.name().toLowerCase(Locale.ROOT);
    }

    private static void addIfSet(List<String> overrides, Setting<?> setting, String value) {
        if (value != null) {
            overrides.add(setting.qualifiedName() + "=" + value);
        }
    }

    private static String settingsHelp() {
        StringBuilder help = new StringBuilder();
        for (Setting<?> setting : JobSettings.ALL.all()) {
            help.append(
                    String.format(
                            "  %-34s [%s]%n      %s%n",
                            setting.qualifiedName(),
                            setting.defaultValue(),
                            setting.description()));
        }
        return help.toString();
    }
}
