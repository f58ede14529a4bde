package io.occupancystream.job.scoring;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How readings are scored: the rule, or a model in process or behind an endpoint, with the async
 * operator's limits, the batching, retries and circuit breaker of model calls.
 */
public final class ScoringSettings {
    /** How readings are scored. */
    public enum ScorerType {
        RULE,
        EMBEDDED,
        ENDPOINT
    }

    static final String GROUP = "scoring";

    public static final Setting<ScorerType> SCORER =
            Setting.of(
                    GROUP,
                    "scorer",
                    "rule",
                    SettingType.choice(ScorerType.class),
                    "How readings are scored: rule (the EduKit rule), embedded (the model in"
                            + " process) or endpoint (a SageMaker endpoint through async I/O).");
    public static final Setting<Double> RULE_SOUND_THRESHOLD =
            Setting.of(
                    GROUP,
                    "rule.sound-threshold",
                    "10",
                    SettingType.NON_NEGATIVE_NUMBER,
                    "The rule scorer calls a room occupied when sound is above this level (the"
                            + " EduKit IoT rule used 10 on its 0-255 scale).");
    public static final Setting<String> MODEL_PATH =
            Setting.of(
                    GROUP,
                    "model.path",
                    "",
                    SettingType.TEXT,
                    "Model directory (model.json + model.tar.gz) from model-ops train, or an s3://"
                            + " prefix holding one: the model for embedded scoring, and for both"
                            + " model scorers the feature names checked at start-up and the"
                            + " threshold for endpoints that answer bare probabilities.");
    public static final Setting<Duration> MODEL_POLL_INTERVAL =
            Setting.of(
                    GROUP,
                    "model.poll-interval",
                    "1 min",
                    SettingType.NON_NEGATIVE_DURATION,
                    "How often a model scorer reads scoring.model.path for a new model.json while"
                            + " readings flow, and switches every scoring task to a new model"
                            + " without a restart (a card the job cannot use is refused and"
                            + " counted); 0 keeps the model of the start.");
    public static final Setting<Boolean> ENDPOINT_STARTUP_CHECK =
            Setting.of(
                    GROUP,
                    "endpoint.startup-check",
                    "true",
                    SettingType.BOOLEAN,
                    "true makes one real InvokeEndpoint before the job starts and stops the start"
                            + " if no retry could make it succeed (no region or credentials,"
                            + " access denied, no such endpoint); false skips it, e.g. when the job"
                            + " may start before its endpoint exists.");
    public static final Setting<Integer> ASYNC_CAPACITY =
            Setting.of(
                    GROUP,
                    "async.capacity",
                    "1000",
                    SettingType.POSITIVE_INT,
                    "Readings in flight per parallel task at most.");
    public static final Setting<Duration> ASYNC_TIMEOUT =
            Setting.of(
                    GROUP,
                    "async.timeout",
                    "10 s",
                    SettingType.POSITIVE_DURATION,
                    "A reading without a model answer by then is scored by the rule (fallback"
                            + " TIMEOUT).");
    public static final Setting<Boolean> ASYNC_ORDERED =
            Setting.of(
                    GROUP,
                    "async.ordered",
                    "false",
                    SettingType.BOOLEAN,
                    "true keeps results in input order; false (faster) emits them as answers"
                            + " arrive.");
    public static final Setting<Integer> RETRY_MAX_ATTEMPTS =
            Setting.of(
                    GROUP,
                    "retry.max-attempts",
                    "4",
                    SettingType.POSITIVE_INT,
                    "Requests per batch at most, for throttling, 5xx, 429 and network errors.");
    public static final Setting<Duration> RETRY_BASE_BACKOFF =
            Setting.of(
                    GROUP,
                    "retry.base-backoff",
                    "100 ms",
                    SettingType.POSITIVE_DURATION,
                    "Pause after the first failure; doubles with each retry, with jitter.");
    public static final Setting<Duration> RETRY_MAX_BACKOFF =
            Setting.of(
                    GROUP,
                    "retry.max-backoff",
                    "2 s",
                    SettingType.POSITIVE_DURATION,
                    "The longest pause between retries.");
    public static final Setting<Duration> RETRY_BUDGET =
            Setting.of(
                    GROUP,
                    "retry.budget",
                    "5 s",
                    SettingType.NON_NEGATIVE_DURATION,
                    "No retry starts later than this after a batch's first request; with"
                            + " scoring.batch.max-wait it must stay below scoring.async.timeout.");
    public static final Setting<Integer> BREAKER_FAILURES =
            Setting.of(
                    GROUP,
                    "breaker.failures",
                    "5",
                    SettingType.POSITIVE_INT,
                    "Consecutive failed requests that open the circuit breaker (the model is then"
                            + " not called; readings fall back to the rule).");
    public static final Setting<Duration> BREAKER_COOL_DOWN =
            Setting.of(
                    GROUP,
                    "breaker.cool-down",
                    "10 s",
                    SettingType.POSITIVE_DURATION,
                    "How long the breaker stays open before one probe request is let through.");

    /** Every scoring.* setting, its parts' too, in the order the configuration table lists them. */
    public static final List<Setting<?>> SETTINGS = tableOrder();

    public final ScorerType scorer;
    public final double ruleSoundThreshold;
    public final String modelPath;
    public final Duration modelPollInterval;
    public final EndpointSettings endpoint;
    public final boolean endpointStartupCheck;
    public final BatchSettings batching;
    public final int asyncCapacity;
    public final Duration asyncTimeout;
    public final boolean asyncOrdered;
    public final RetryPolicy retries;
    public final int breakerFailures;
    public final Duration breakerCoolDown;

    private ScoringSettings(PropertyGroups p) {
        scorer = SCORER.from(p);
        ruleSoundThreshold = RULE_SOUND_THRESHOLD.from(p);
        modelPath = MODEL_PATH.from(p);
        if (scorer != ScorerType.RULE && modelPath.isEmpty()) {
            throw MODEL_PATH.invalid(
                    modelPath,
                    "a model directory from model-ops train when scoring.scorer is "
                            + scorer.name().toLowerCase(Locale.ROOT));
        }
        modelPollInterval = MODEL_POLL_INTERVAL.from(p);
        asyncCapacity = ASYNC_CAPACITY.from(p);
        endpoint = EndpointSettings.from(p, asyncCapacity);
        endpointStartupCheck = ENDPOINT_STARTUP_CHECK.from(p);
        batching = BatchSettings.from(p);
        asyncTimeout = ASYNC_TIMEOUT.from(p);
        asyncOrdered = ASYNC_ORDERED.from(p);
        Duration budget = RETRY_BUDGET.from(p);
        // A reading may wait max-wait in its batch, then retries run for up to the budget: both
        // must fit in the async timeout, or readings time out while the model is healthy.
        if (budget.plusMillis(batching.maxWaitMillis).compareTo(asyncTimeout) >= 0) {
            throw RETRY_BUDGET.invalid(
                    p.get(RETRY_BUDGET),
                    "a duration that, with scoring.batch.max-wait ("
                            + p.get(BatchSettings.MAX_WAIT)
                            + "), stays below scoring.async.timeout ("
                            + p.get(ASYNC_TIMEOUT)
                            + ")");
        }
        retries =
                new RetryPolicy(
                        RETRY_MAX_ATTEMPTS.from(p),
                        RETRY_BASE_BACKOFF.from(p),
                        RETRY_MAX_BACKOFF.from(p),
                        budget);
        breakerFailures = BREAKER_FAILURES.from(p);
        breakerCoolDown = BREAKER_COOL_DOWN.from(p);
    }

    public static ScoringSettings from(PropertyGroups p) {
        return new ScoringSettings(p);
    }

    /** The rule as these settings tune it: the scorer, and every model scorer's fallback. */
    public RuleScorer rule() {
        return new RuleScorer(ruleSoundThreshold);
    }

    private static List<Setting<?>> tableOrder() {
        List<Setting<?>> all =
                new ArrayList<>(
                        List.of(SCORER, RULE_SOUND_THRESHOLD, MODEL_PATH, MODEL_POLL_INTERVAL));
        all.addAll(EndpointSettings.ENDPOINT_SETTINGS);
        all.add(ENDPOINT_STARTUP_CHECK);
        all.addAll(BatchSettings.SETTINGS);
        all.addAll(
                List.of(
                        ASYNC_CAPACITY,
                        ASYNC_TIMEOUT,
                        ASYNC_ORDERED,
                        EndpointSettings.ATTEMPT_TIMEOUT,
                        RETRY_MAX_ATTEMPTS,
                        RETRY_BASE_BACKOFF,
                        RETRY_MAX_BACKOFF,
                        RETRY_BUDGET,
                        BREAKER_FAILURES,
                        BREAKER_COOL_DOWN));
        return List.copyOf(all);
    }
}
