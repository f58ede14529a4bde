package io.occupancystream.modelops.sagemaker;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The command-line side of {@link PromotionSettings}, shared by the commands that deploy. */
public final class PromotionOptions {
    /** The model package group promotions register in unless told otherwise. */
    public static final String DEFAULT_PACKAGE_GROUP = "occupancy-stream-models";

    /** The endpoint's instance type unless told otherwise. */
    public static final String DEFAULT_INSTANCE_TYPE = "ml.m5.large";

    /** How long the rollback alarms watch after a traffic shift unless told otherwise. */
    public static final String DEFAULT_BAKING_SECONDS = "600";

    @Option(
            names = "--endpoint",
            defaultValue = "roomOccupancyEndpoint",
            paramLabel = "NAME",
            description = "The endpoint the job calls (default: ${DEFAULT-VALUE}).")
    String endpointName;

    @Option(
            names = "--model-role",
            paramLabel = "ARN",
            description = "Execution role of the SageMaker model (reads the model artifacts).")
    String modelRole;

    @Option(
            names = "--instance-type",
            defaultValue = DEFAULT_INSTANCE_TYPE,
            description = "Endpoint instance type (default: ${DEFAULT-VALUE}).")
    String instanceType;

    @Option(
            names = "--instance-count",
            defaultValue = "1",
            description = "Endpoint instances (default: ${DEFAULT-VALUE}).")
    int instanceCount;

    @Option(
            names = "--package-group",
            defaultValue = DEFAULT_PACKAGE_GROUP,
            description = "Model package group that registers each promoted model.")
    String packageGroup;

    @Option(
            names = "--canary-percent",
            defaultValue = "0",
            description =
                    "Blue/green update: share of the instances that takes traffic first (1-50,"
                            + " needs 2+ instances); 0 shifts all at once (default:"
                            + " ${DEFAULT-VALUE}).")
    int canaryPercent;

    @Option(
            names = "--baking-seconds",
            defaultValue = DEFAULT_BAKING_SECONDS,
            description =
                    "Baking period after each traffic shift, while the rollback alarms watch"
                            + " (WaitIntervalInSeconds, 0-3600; default: ${DEFAULT-VALUE}).")
    int bakingSeconds;

    @Option(
            names = "--termination-wait-seconds",
            defaultValue = "0",
            description =
                    "How long the old fleet stays after the last baking period"
                            + " (TerminationWaitInSeconds, 0-3600; default: ${DEFAULT-VALUE}).")
    int terminationWaitSeconds;

    @Option(
            names = "--rollback-alarm",
            paramLabel = "ALARM",
            description = "CloudWatch alarm that rolls the update back; repeatable.")
    List<String> rollbackAlarms = new ArrayList<>();

    @Option(names = "--force", description = "Promote even if the challenger is not better.")
    boolean force;

    @Option(
            names = "--max-wait",
            defaultValue = "PT45M",
            description = "How long to wait for the endpoint (default: ${DEFAULT-VALUE}).")
    Duration maxWait;

    @Option(
            names = "--poll",
            defaultValue = "PT30S",
            description = "How often to look (default: ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(
            names = "--model-card",
            paramLabel = "S3_URI",
            description =
                    "Where the promoted model's card goes: the job's scoring.model.path, e.g."
                            + " s3://BUCKET/models/current.")
    String modelCard;

    @Option(
            names = "--champion-model",
            paramLabel = "DIR_OR_S3_PREFIX",
            description =
                    "Where the current model-ops model's model.json and model.tar.gz are, to score"
                            + " it on the challenger's held-out rows (default: --model-card).")
    String championModel;

    @Option(
            names = "--record",
            paramLabel = "FILE",
            defaultValue = "promotion.json",
            description = "Where the decision is written (default: ${DEFAULT-VALUE}).")
    Path record;

    /** The champion's model files, if given. */
    String championModel() {
        return championModel != null ? championModel : modelCard;
    }

    public PromotionSettings settings() {
        if (modelRole == null) {
            throw new PromotionException(
                    "--model-role ARN is needed to deploy: the role the SageMaker model runs with");
        }
        return new PromotionSettings(
                endpointName,
                modelRole,
                instanceType,
                instanceCount,
                packageGroup,
                new BlueGreenDeployment(
                        canaryPercent,
                        bakingSeconds,
                        terminationWaitSeconds,
                        rollbackAlarms,
                        instanceCount,
                        maxWait),
                force,
                poll,
                maxWait);
    }

    /** Publishes the promoted model's card for the job under the given s3:// prefix. */
    @FunctionalInterface
    interface CardPublisher {
        void publish(String modelCardUri) throws IOException;
    }

    /**
     * Promotes {@code challenger} if it wins, records the decision, and once it is promoted
     * publishes its card to {@code --model-card}, if given.
     */
    PromotionDecision promote(
            EndpointPromoter promoter,
            Challenger challenger,
            ChampionComparison comparison,
            CardPublisher card,
            PrintWriter out)
            throws IOException, InterruptedException {
        PromotionDecision decision = promoter.promote(challenger, comparison);
        Files.writeString(record, decision.toJson() + "\n");
        if (decision.promoted() && modelCard != null) {
            card.publish(modelCard);
            out.println("Model card for the job at " + modelCard);
        }
        return decision;
    }
}
