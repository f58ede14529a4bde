package io.occupancystream.modelops.sagemaker;

import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.data.TrainingDataOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMetricEnum;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMode;

/**
 * {@code model-ops retrain --trainer AUTOPILOT} cut at its waits, so that a state machine can do
 * the waiting: each step makes a few calls and returns. The gate, the Autopilot job, the promotion
 * and the card are those of the command (the same classes); only the polling moves out.
 */
public final class RetrainingSteps {
    private final SageMakerClient sageMaker;
    private final S3Client s3;
    private final URI s3Endpoint;
    private final RetrainingSettings settings;
    private final Clock clock;
    private final StringWriter log = new StringWriter();
    private final PrintWriter out = new PrintWriter(log, true);

    /**
     * @param s3Endpoint another S3 endpoint (a local S3 server), or null for AWS's
     */
    public RetrainingSteps(
            SageMakerClient sageMaker,
            S3Client s3,
            URI s3Endpoint,
            RetrainingSettings settings,
            Clock clock) {
        this.sageMaker = sageMaker;
        this.s3 = s3;
        this.s3Endpoint = s3Endpoint;
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts the rows under the training prefix against those the endpoint's model had. */
    public NewRows newRows() throws IOException {
        TrainingDataOptions data = new TrainingDataOptions();
        data.data = settings.dataUri;
        data.s3Endpoint = s3Endpoint;
        return new NewRows(
                TrainedOn.of(data.read(ModelCard.DEFAULT_TARGET)),
                settings.dataUri,
                promoter().champion(),
                settings.minNewRows);
    }

    /**
     * Starts Autopilot on a copy of the training prefix without identity columns ({@link
     * AutopilotInput}); returns the job's name.
     */
    public String startAutopilot() {
        String name = AutopilotJobSpec.retrainingJobName(clock.instant());
        String output = AutopilotJobSpec.defaultOutput(settings.dataUri);
        AutopilotJobSpec spec =
                new AutopilotJobSpec(
                        name,
                        AutopilotInput.stage(s3, settings.dataUri, output, name),
                        output,
                        settings.autopilotRoleArn,
                        settings.maxCandidates,
                        AutoMLMetricEnum.F1,
                        AutoMLMode.AUTO);
        AutopilotRun.start(sageMaker, spec, out);
        return spec.jobName;
    }

    public AutopilotProgress autopilotProgress(String jobName) {
        return AutopilotProgress.of(AutopilotRun.describe(sageMaker, jobName));
    }

    /**
     * The gate between the completed job's best candidate and the endpoint's model, and if the
     * candidate wins the start of its blue/green deployment.
     */
    public PromotionDecision promote(String jobName, TrainedOn data) throws IOException {
        return promoter().startPromotion(challenger(jobName, data), AutopilotRun.COMPARISON);
    }

    public EndpointProgress endpointProgress(String endpointConfig) {
        return promoter().progress(endpointConfig);
    }

    /** Publishes the promoted candidate's card where the job reads it; returns where. */
    public String publishCard(String jobName, TrainedOn data) throws IOException {
        new ModelCardPublisher(s3)
                .publish(
                        AutopilotModelCard.of(challenger(jobName, data), data),
                        settings.modelCardUri);
        return settings.modelCardUri;
    }

    /** What the steps printed so far, as the commands print it. */
    public String log() {
        return log.toString();
    }

    private Challenger challenger(String jobName, TrainedOn data) {
        return AutopilotRun.challenger(AutopilotRun.describe(sageMaker, jobName), data.rows);
    }

    private EndpointPromoter promoter() {
        return new EndpointPromoter(sageMaker, settings.promotion, Pause.THREAD, out);
    }
}
