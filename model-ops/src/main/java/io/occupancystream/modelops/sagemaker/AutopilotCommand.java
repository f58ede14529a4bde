package io.occupancystream.modelops.sagemaker;

import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.data.TrainingDataOptions;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.train.ModelTrainer;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMetricEnum;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMode;

/**
 * {@code model-ops autopilot}: SageMaker Autopilot on the job's training-set prefix, and with
 * {@code --promote} the best candidate behind the endpoint if it beats the current model.
 */
@Command(
        name = "autopilot",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a SageMaker Autopilot (AutoML V2) tabular binary-classification job on the"
                    + " training sets under --data (target roomoccupancy), refusing fewer than 500"
                    + " rows. With --wait it follows the job (status, secondary status, candidates"
                    + " so far) and prints the best candidate; with --promote it then deploys that"
                    + " candidate if it beats the endpoint's current model (see --force)."
        })
public final class AutopilotCommand implements Callable<Integer> {
    @Mixin TrainingDataOptions data;
    @Mixin SageMakerOptions sageMaker;
    @Mixin PromotionOptions promotion;
    @Spec CommandSpec spec;

    @Option(
            names = "--role",
            required = true,
            paramLabel = "ARN",
            description = "The role Autopilot runs with (reads the data, writes the output).")
    String role;

    @Option(
            names = "--max-candidates",
            defaultValue = AutopilotJobSpec.DEFAULT_MAX_CANDIDATES,
            description = "Candidates Autopilot tries at most (default: ${DEFAULT-VALUE}).")
    int maxCandidates;

    @Option(
            names = "--objective",
            defaultValue = "F1",
            description = "Objective metric (default: ${DEFAULT-VALUE}; also AUC, Accuracy...).")
    AutoMLMetricEnum objective;

    @Option(
            names = "--mode",
            defaultValue = "AUTO",
            description = "AUTO, ENSEMBLING or HYPERPARAMETER_TUNING (default: ${DEFAULT-VALUE}).")
    AutoMLMode mode;

    @Option(
            names = "--output",
            paramLabel = "S3_URI",
            description = "Autopilot's output prefix (default: s3://DATA_BUCKET/autopilot).")
    String output;

    @Option(
            names = "--job-name",
            description = "Job name (default: occupancy-YYYYMMDD-HHMMSS, UTC).")
    String jobName;

    @Option(names = "--wait", description = "Follow the job until it ends.")
    boolean await;

    @Option(
            names = "--promote",
            description = "Deploy the best candidate if it wins (needs --wait).")
    boolean promote;

    // Replaced in tests.
    Pause pause = Pause.THREAD;

    @Override
    public Integer call() throws Exception {
        S3Uris.parse(data.data, "--data"); // Autopilot reads S3 only: refuse a folder at once
        if (data.since != null || data.until != null) {
            throw new ParameterException(
                    spec.commandLine(), "Autopilot trains on the whole prefix: no --since/--until");
        }
        if (promote && !await) {
            throw new ParameterException(spec.commandLine(), "--promote needs --wait");
        }
        // Checked now, not after an hour of Autopilot.
        PromotionSettings settings = promote ? promotion.settings() : null;
        PrintWriter out = spec.commandLine().getOut();
        TrainingSet rows = data.read(ModelCard.DEFAULT_TARGET);
        if (rows.rows() < ModelTrainer.MIN_ROWS) {
            throw new PromotionException(
                    "Autopilot needs at least "
                            + ModelTrainer.MIN_ROWS
                            + " rows; "
                            + data.data
                            + " has "
                            + rows.rows());
        }
        out.printf(
                "%d rows (%d occupied) in %d files under %s%n",
                rows.rows(), rows.occupied(), rows.files(), data.data);
        String name = jobName != null ? jobName : defaultJobName();
        String outputUri = output != null ? output : AutopilotJobSpec.defaultOutput(data.data);
        String input;
        try (S3Client s3 = data.s3Client()) {
            input = AutopilotInput.stage(s3, data.data, outputUri, name);
        }
        AutopilotJobSpec spec =
                new AutopilotJobSpec(name, input, outputUri, role, maxCandidates, objective, mode);
        try (SageMakerClient client = sageMaker.client()) {
            AutopilotRun run =
                    new AutopilotRun(client, pause, promotion.poll, promotion.maxWait, out);
            if (!await) {
                run.start(spec);
                out.println("Not waiting; follow it with --job-name " + name + " in the console.");
                return 0;
            }
            Challenger best = run.bestCandidate(spec, rows.rows());
            out.printf(
                    "Best candidate %s: %s %.4f%n", best.source, best.metricName, best.metricValue);
            if (promote) {
                promotion.promote(
                        new EndpointPromoter(client, settings, pause, out),
                        best,
                        AutopilotRun.COMPARISON,
                        uri -> {
                            try (S3Client s3 = data.s3Client()) {
                                new ModelCardPublisher(s3)
                                        .publish(AutopilotModelCard.of(best, rows), uri);
                            }
                        },
                        out);
            }
            return 0;
        }
    }

    private static String defaultJobName() {
        return "occupancy-"
                + ZonedDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }
}
