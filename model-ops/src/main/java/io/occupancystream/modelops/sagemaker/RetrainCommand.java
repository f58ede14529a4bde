package io.occupancystream.modelops.sagemaker;

import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.data.TrainingDataOptions;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.train.ModelTrainer;
import io.occupancystream.modelops.train.Objective;
import io.occupancystream.modelops.train.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMetricEnum;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMode;

/**
 * {@code model-ops retrain}: the loop once. If the training prefix has gained enough rows since the
 * endpoint's model was trained, train a challenger (locally, or with Autopilot) and promote it if
 * it wins. Meant to run on a schedule.
 */
@Command(
        name = "retrain",
        mixinStandardHelpOptions = true,
        description = {
            "Counts the rows under --data; if at least --min-new-rows more than the endpoint's"
                    + " current model was trained on (recorded on the model), trains a challenger"
                    + " (--trainer local: model-ops train; autopilot: SageMaker Autopilot) and"
                    + " promotes it if it beats the current model. Exit 0 whether or not it"
                    + " retrained; the decision is printed and recorded (--record)."
        })
public final class RetrainCommand implements Callable<Integer> {
    /** Who trains the challenger. */
    enum Trainer {
        LOCAL,
        AUTOPILOT
    }

    /** How many new rows make a retraining worth it unless told otherwise. */
    public static final String DEFAULT_MIN_NEW_ROWS = "10000";

    @Mixin TrainingDataOptions data;
    @Mixin SageMakerOptions sageMaker;
    @Mixin PromotionOptions promotion;
    @Mixin ModelPublishingOptions publishing;
    @Spec CommandSpec spec;

    @Option(
            names = "--min-new-rows",
            defaultValue = DEFAULT_MIN_NEW_ROWS,
            description = "Retrain only when this many rows are new (default: ${DEFAULT-VALUE}).")
    long minNewRows;

    @Option(
            names = "--trainer",
            defaultValue = "LOCAL",
            description = "LOCAL or AUTOPILOT (default: ${DEFAULT-VALUE}).")
    Trainer trainer;

    @Option(
            names = "--role",
            paramLabel = "ARN",
            description = "With --trainer AUTOPILOT: the role Autopilot runs with.")
    String autopilotRole;

    @Option(
            names = "--max-candidates",
            defaultValue = AutopilotJobSpec.DEFAULT_MAX_CANDIDATES,
            description = "Candidates to try, locally or in Autopilot (default: ${DEFAULT-VALUE}).")
    int maxCandidates;

    // Replaced in tests.
    Pause pause = Pause.THREAD;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TrainingSet rows = data.read(ModelCard.DEFAULT_TARGET);
        try (SageMakerClient client = sageMaker.client();
                S3Client s3 = data.s3Client()) {
            EndpointPromoter promoter =
                    new EndpointPromoter(client, promotion.settings(), pause, out);
            NewRows fresh =
                    new NewRows(TrainedOn.of(rows), data.data, promoter.champion(), minNewRows);
            out.println(fresh.describe());
            if (!fresh.enough()) {
                out.println(fresh.notEnough() + " (--min-new-rows)");
                return 0;
            }
            if (trainer == Trainer.LOCAL) {
                Path dir = Files.createTempDirectory("retrain");
                new ModelTrainer(
                                maxCandidates,
                                42,
                                Objective.F1,
                                Runtime.getRuntime().availableProcessors())
                        .holdingOutLatest()
                        .train(rows, data.data, Progress.NONE)
                        .writeTo(dir);
                DeployLocalModelCommand.deploy(
                        dir,
                        new HeldOutComparison(
                                dir, rows, promotion.championModel(), data.s3Endpoint()),
                        client,
                        s3,
                        sageMaker,
                        promotion,
                        publishing,
                        pause,
                        out);
            } else {
                retrainWithAutopilot(rows, client, s3, promoter, out);
            }
            return 0;
        }
    }

    private void retrainWithAutopilot(
            TrainingSet rows,
            SageMakerClient client,
            S3Client s3,
            EndpointPromoter promoter,
            PrintWriter out)
            throws Exception {
        if (autopilotRole == null) {
            throw new PromotionException("--trainer AUTOPILOT needs --role ARN");
        }
        String name = AutopilotJobSpec.retrainingJobName(Instant.now());
        String output = AutopilotJobSpec.defaultOutput(data.data);
        AutopilotRun run = new AutopilotRun(client, pause, promotion.poll, promotion.maxWait, out);
        Challenger best =
                run.bestCandidate(
                        new AutopilotJobSpec(
                                name,
                                AutopilotInput.stage(s3, data.data, output, name),
                                output,
                                autopilotRole,
                                maxCandidates,
                                AutoMLMetricEnum.F1,
                                AutoMLMode.AUTO),
                        rows.rows());
        promotion.promote(
                promoter,
                best,
                AutopilotRun.COMPARISON,
                uri -> new ModelCardPublisher(s3).publish(AutopilotModelCard.of(best, rows), uri),
                out);
    }
}
