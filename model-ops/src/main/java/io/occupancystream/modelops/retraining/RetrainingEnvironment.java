package io.occupancystream.modelops.retraining;

import io.occupancystream.modelops.sagemaker.BlueGreenDeployment;
import io.occupancystream.modelops.sagemaker.PromotionOptions;
import io.occupancystream.modelops.sagemaker.PromotionSettings;
import io.occupancystream.modelops.sagemaker.RetrainingSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The handler's settings: environment variables of the Lambda function, which the deployment sets.
 * A missing or malformed one fails the step with its name.
 */
public enum RetrainingEnvironment {
    /** s3://BUCKET/PREFIX of the job's training sets. */
    TRAINING_DATA,
    /** s3://BUCKET/PREFIX where the promoted model's card goes (the job's scoring.model.path). */
    MODEL_CARD,
    /** The role Autopilot and the SageMaker model run as. */
    SAGEMAKER_ROLE_ARN,
    /** The endpoint the job calls. */
    ENDPOINT_NAME,
    ENDPOINT_INSTANCE_TYPE,
    ENDPOINT_INSTANCE_COUNT,
    /** The model package group that registers each promoted model. */
    PACKAGE_GROUP,
    /** How many rows beyond the endpoint model's start a retraining. */
    MIN_NEW_ROWS,
    /** Candidates Autopilot tries at most. */
    MAX_CANDIDATES,
    /** Comma-separated CloudWatch alarms that roll the blue/green update back; may be empty. */
    ROLLBACK_ALARMS,
    /**
     * ISO-8601 duration the state machine waits for the endpoint at most; SageMaker's deployment
     * gives up after as long.
     */
    ENDPOINT_MAX_WAIT;

    String from(Map<String, String> env) {
        String value = env.get(name());
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name() + " is not set");
        }
        return value;
    }

    int intFrom(Map<String, String> env) {
        try {
            return Integer.parseInt(from(env));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name() + "=" + from(env) + " is not a number");
        }
    }

    Duration durationFrom(Map<String, String> env) {
        try {
            return Duration.parse(from(env));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name() + "=" + from(env) + " is not an ISO-8601 duration such as PT45M");
        }
    }

    /** The retraining the environment describes. */
    static RetrainingSettings settings(Map<String, String> env) {
        int instances = ENDPOINT_INSTANCE_COUNT.intFrom(env);
        Duration maxWait = ENDPOINT_MAX_WAIT.durationFrom(env);
        List<String> alarms =
                Arrays.stream(ROLLBACK_ALARMS.from(env).split(","))
                        .map(String::trim)
                        .filter(a -> !a.isEmpty())
                        .collect(Collectors.toList());
        PromotionSettings promotion =
                new PromotionSettings(
                        ENDPOINT_NAME.from(env),
                        SAGEMAKER_ROLE_ARN.from(env),
                        ENDPOINT_INSTANCE_TYPE.from(env),
                        instances,
                        PACKAGE_GROUP.from(env),
                        // All at once (a canary needs 2+ instances), baked as the command does.
                        new BlueGreenDeployment(
                                0,
                                Integer.parseInt(PromotionOptions.DEFAULT_BAKING_SECONDS),
                                0,
                                alarms,
                                instances,
                                maxWait),
                        false,
                        Duration.ZERO,
                        maxWait);
        return new RetrainingSettings(
                TRAINING_DATA.from(env),
                SAGEMAKER_ROLE_ARN.from(env),
                MAX_CANDIDATES.intFrom(env),
                MIN_NEW_ROWS.intFrom(env),
                MODEL_CARD.from(env),
                promotion);
    }
}
