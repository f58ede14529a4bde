package io.occupancystream.job.config;

import io.occupancystream.job.kinesis.KinesisSettings;
import io.occupancystream.job.scoring.BatchSettings;
import io.occupancystream.job.scoring.EndpointSettings;
import io.occupancystream.job.scoring.RetryPolicy;
import io.occupancystream.job.shadow.ShadowSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import org.apache.flink.util.TimeUtils;

/**
 * The job's settings, parsed and checked once at start-up: a bad value fails here with a message
 * naming the key and what it accepts, never later inside a running operator.
 */
public final class JobConfig {
    /** Where a reading source comes from. */
    public enum SourceType {
        REPLAY,
        KINESIS
    }

    /** How readings are scored. */
    public enum ScorerType {
        RULE,
        EMBEDDED,
        ENDPOINT
    }

    /** Where one of the streamed outputs goes. */
    public enum OutputTarget {
        FILE,
        STDOUT,
        KINESIS
    }

    public final SourceType sourceType;
    public final String replayPath;
    public final Instant replaySince;
    public final Instant replayUntil;
    public final KinesisSettings kinesis;
    public final Duration maxOutOfOrderness;
    public final Duration idleness;
    public final Duration maxFutureSkew;
    public final Duration dedupRetention;
    public final ZoneId zone;
    public final Duration trainingWindow;
    public final Duration allowedLateness;
    public final String trainingPath;
    public final ScorerType scorer;
    public final double ruleSoundThreshold;
    public final String modelPath;
    public final EndpointSettings endpoint;
    public final boolean endpointStartupCheck;
    public final BatchSettings batching;
    public final int asyncCapacity;
    public final Duration asyncTimeout;
    public final boolean asyncOrdered;
    public final RetryPolicy retries;
    public final int breakerFailures;
    public final Duration breakerCoolDown;
    public final String outputPath;
    public final OutputTarget resultsTarget;
    public final OutputTarget deadLettersTarget;
    public final OutputTarget lateTarget;

    /** Null unless shadow.enabled. */
    public final ShadowSettings shadow;

    public final Duration checkpointInterval;
    public final int parallelism;

    public JobConfig(PropertyGroups p) {
        sourceType = choice(p, ConfigKey.SOURCE_TYPE, SourceType.class);
        replayPath = p.get(ConfigKey.SOURCE_REPLAY_PATH);
        if (sourceType == SourceType.REPLAY && replayPath.isEmpty()) {
            throw invalid(ConfigKey.SOURCE_REPLAY_PATH, replayPath, "a file or folder path");
        }
        replaySince = instant(p, ConfigKey.SOURCE_REPLAY_SINCE);
        replayUntil = instant(p, ConfigKey.SOURCE_REPLAY_UNTIL);
        KinesisSettings.InitialPosition initialPosition =
                choice(
                        p,
                        ConfigKey.KINESIS_INITIAL_POSITION,
                        KinesisSettings.InitialPosition.class);
        Instant initialTimestamp = instant(p, ConfigKey.KINESIS_INITIAL_TIMESTAMP);
        if ((initialPosition == KinesisSettings.InitialPosition.AT_TIMESTAMP)
                != (initialTimestamp != null)) {
            throw invalid(
                    ConfigKey.KINESIS_INITIAL_TIMESTAMP,
                    p.get(ConfigKey.KINESIS_INITIAL_TIMESTAMP),
                    "a UTC instant exactly when kinesis.initial-position is AT_TIMESTAMP");
        }
        kinesis =
                new KinesisSettings(
                        p.get(ConfigKey.KINESIS_REGION),
                        p.get(ConfigKey.KINESIS_ENDPOINT),
                        nonEmpty(p, ConfigKey.KINESIS_INPUT_STREAM),
                        initialPosition,
                        initialTimestamp,
                        nonEmpty(p, ConfigKey.KINESIS_RESULTS_STREAM),
                        nonEmpty(p, ConfigKey.KINESIS_DEAD_LETTER_STREAM),
                        duration(p, ConfigKey.KINESIS_SINK_MAX_BUFFER_TIME, true).toMillis());
        maxOutOfOrderness = duration(p, ConfigKey.SOURCE_MAX_OUT_OF_ORDERNESS, false);
        idleness = duration(p, ConfigKey.SOURCE_IDLENESS, true);
        maxFutureSkew = duration(p, ConfigKey.VALIDATION_MAX_FUTURE_SKEW, false);
        dedupRetention = duration(p, ConfigKey.DEDUP_RETENTION, true);
        zone = zone(p, ConfigKey.FEATURES_ZONE);
        trainingWindow = duration(p, ConfigKey.TRAINING_WINDOW, true);
        if (Duration.ofDays(1).toMillis() % trainingWindow.toMillis() != 0) {
            throw invalid(
                    ConfigKey.TRAINING_WINDOW,
                    p.get(ConfigKey.TRAINING_WINDOW),
                    "a duration that divides one day (for example 15 min, 1 h, 1 d)");
        }
        allowedLateness = duration(p, ConfigKey.TRAINING_ALLOWED_LATENESS, false);
        outputPath = nonEmpty(p, ConfigKey.OUTPUT_PATH);
        String training = p.get(ConfigKey.TRAINING_PATH);
        trainingPath = training.isEmpty() ? outputPath + "/training" : training;
        scorer = choice(p, ConfigKey.SCORING_SCORER, ScorerType.class);
        ruleSoundThreshold = nonNegative(p, ConfigKey.SCORING_RULE_SOUND_THRESHOLD);
        modelPath = p.get(ConfigKey.SCORING_MODEL_PATH);
        if (scorer != ScorerType.RULE && modelPath.isEmpty()) {
            throw invalid(
                    ConfigKey.SCORING_MODEL_PATH,
                    modelPath,
                    "a model directory from model-ops train when scoring.scorer is "
                            + scorer.name().toLowerCase(Locale.ROOT));
        }
        asyncCapacity = positiveInt(p, ConfigKey.SCORING_ASYNC_CAPACITY);
        endpoint =
                new EndpointSettings(
                        nonEmpty(p, ConfigKey.SCORING_ENDPOINT_NAME),
                        p.get(ConfigKey.SCORING_ENDPOINT_URL),
                        p.get(ConfigKey.SCORING_ENDPOINT_REGION),
                        p.get(ConfigKey.SCORING_ENDPOINT_TARGET_VARIANT),
                        p.get(ConfigKey.SCORING_ENDPOINT_INFERENCE_COMPONENT),
                        p.get(ConfigKey.SCORING_ENDPOINT_CUSTOM_ATTRIBUTES),
                        duration(p, ConfigKey.SCORING_ATTEMPT_TIMEOUT, true),
                        asyncCapacity);
        endpointStartupCheck = bool(p, ConfigKey.SCORING_ENDPOINT_STARTUP_CHECK);
        int maxBytes = positiveInt(p, ConfigKey.SCORING_BATCH_MAX_BYTES);
        if (maxBytes > BatchSettings.MAX_PAYLOAD_BYTES) {
            throw invalid(
                    ConfigKey.SCORING_BATCH_MAX_BYTES,
                    p.get(ConfigKey.SCORING_BATCH_MAX_BYTES),
                    "at most " + BatchSettings.MAX_PAYLOAD_BYTES + " (SageMaker's 6 MiB limit)");
        }
        batching =
                new BatchSettings(
                        positiveInt(p, ConfigKey.SCORING_BATCH_MAX_ROWS),
                        maxBytes,
                        duration(p, ConfigKey.SCORING_BATCH_MAX_WAIT, true));
        asyncTimeout = duration(p, ConfigKey.SCORING_ASYNC_TIMEOUT, true);
        asyncOrdered = bool(p, ConfigKey.SCORING_ASYNC_ORDERED);
        Duration budget = duration(p, ConfigKey.SCORING_RETRY_BUDGET, false);
        // A reading may wait max-wait in its batch, then retries run for up to the budget: both
        // must fit in the async timeout, or readings time out while the model is healthy.
        if (budget.plusMillis(batching.maxWaitMillis).compareTo(asyncTimeout) >= 0) {
            throw invalid(
                    ConfigKey.SCORING_RETRY_BUDGET,
                    p.get(ConfigKey.SCORING_RETRY_BUDGET),
                    "a duration that, with scoring.batch.max-wait ("
                            + p.get(ConfigKey.SCORING_BATCH_MAX_WAIT)
                            + "), stays below scoring.async.timeout ("
                            + p.get(ConfigKey.SCORING_ASYNC_TIMEOUT)
                            + ")");
        }
        retries =
                new RetryPolicy(
                        positiveInt(p, ConfigKey.SCORING_RETRY_MAX_ATTEMPTS),
                        duration(p, ConfigKey.SCORING_RETRY_BASE_BACKOFF, true),
                        duration(p, ConfigKey.SCORING_RETRY_MAX_BACKOFF, true),
                        budget);
        breakerFailures = positiveInt(p, ConfigKey.SCORING_BREAKER_FAILURES);
        breakerCoolDown = duration(p, ConfigKey.SCORING_BREAKER_COOL_DOWN, true);
        resultsTarget = choice(p, ConfigKey.OUTPUT_RESULTS, OutputTarget.class);
        deadLettersTarget = choice(p, ConfigKey.OUTPUT_DEAD_LETTERS, OutputTarget.class);
        lateTarget = choice(p, ConfigKey.OUTPUT_LATE, OutputTarget.class);
        if (lateTarget == OutputTarget.KINESIS) {
            throw invalid(ConfigKey.OUTPUT_LATE, p.get(ConfigKey.OUTPUT_LATE), "file or stdout");
        }
        shadow =
                bool(p, ConfigKey.SHADOW_ENABLED)
                        ? new ShadowSettings(
                                nonEmpty(p, ConfigKey.SHADOW_ENDPOINT),
                                p.get(ConfigKey.SHADOW_REGION),
                                p.get(ConfigKey.SHADOW_NAME),
                                positiveInt(p, ConfigKey.SHADOW_MAX_IN_FLIGHT))
                        : null;
        checkpointInterval = duration(p, ConfigKey.JOB_CHECKPOINT_INTERVAL, true);
        parallelism = nonNegativeInt(p, ConfigKey.JOB_PARALLELISM);
    }

    private static <E extends Enum<E>> E choice(PropertyGroups p, ConfigKey key, Class<E> type) {
        String value = p.get(key);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
            throw invalid(key, value, "one of " + allowed);
        }
    }

    private static Duration duration(PropertyGroups p, ConfigKey key, boolean positive) {
        String value = p.get(key);
        Duration d;
        try {
            d = TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(key, value, "a duration such as 500 ms, 5 s, 1 min, 1 h, 1 d");
        }
        if (d.isNegative() || (positive && d.isZero())) {
            throw invalid(key, value, positive ? "a positive duration" : "a duration >= 0");
        }
        return d;
    }

    private static Instant instant(PropertyGroups p, ConfigKey key) {
        String value = p.get(key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw invalid(key, value, "a UTC instant such as 2017-12-22T18:00:00Z, or nothing");
        }
    }

    private static ZoneId zone(PropertyGroups p, ConfigKey key) {
        String value = p.get(key);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw invalid(key, value, "a time-zone id such as UTC or Europe/Berlin");
        }
    }

    private static double nonNegative(PropertyGroups p, ConfigKey key) {
        String value = p.get(key);
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d) && d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "a number >= 0");
    }

    private static int positiveInt(PropertyGroups p, ConfigKey key) {
        return intAtLeast(p, key, 1, "a whole number > 0");
    }

    private static boolean bool(PropertyGroups p, ConfigKey key) {
        String value = p.get(key);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(key, value, "true or false");
    }

    private static int nonNegativeInt(PropertyGroups p, ConfigKey key) {
        return intAtLeast(p, key, 0, "a whole number >= 0");
    }

    private static int intAtLeast(PropertyGroups p, ConfigKey key, int min, String allowed) {
        String value = p.get(key);
        try {
            int i = Integer.parseInt(value);
            if (i >= min) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, allowed);
    }

    private static String nonEmpty(PropertyGroups p, ConfigKey key) {
        String value = p.get(key);
        if (value.isEmpty()) {
            throw invalid(key, value, "a non-empty value");
        }
        return value;
    }

    private static InvalidConfigException invalid(ConfigKey key, String value, String allowed) {
        return new InvalidConfigException(
                key.qualifiedName() + " = '" + value + "' is invalid: expected " + allowed);
    }
}
