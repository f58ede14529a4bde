package io.occupancystream.job.scoring;

import io.occupancystream.job.config.InvalidConfigException;
import io.occupancystream.job.features.Feature;
import io.occupancystream.job.scoring.follow.ModelRelease;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.ModelLocation;
import io.occupancystream.model.aws.AwsEndpoint;
import java.io.IOException;

/**
 * The scoring stage {@link ScoringSettings} describe, and the start-up checks that keep a model
 * scorer from starting with a model or endpoint it cannot use.
 */
public final class ScoringStages {
    private ScoringStages() {}

    /** The rule, or a model in process or behind an endpoint with {@code rule} as its fallback. */
    public static ScoringStage of(ScoringSettings settings, RuleScorer rule) {
        switch (settings.scorer) {
            case RULE:
                return ScoringStage.of(rule);
            case EMBEDDED:
                {
                    ModelRelease startup = startup(settings, true);
                    return model(
                            settings,
                            EmbeddedModelClient.factory(startup),
                            rule,
                            startup,
                            following(settings, true));
                }
            case ENDPOINT:
                {
                    ModelRelease startup = startup(settings, false);
                    return model(
                            settings,
                            EndpointModelClient.factory(settings.endpoint, threshold(startup)),
                            rule,
                            startup,
                            following(settings, false));
                }
            default:
                throw new IllegalStateException("unhandled scorer " + settings.scorer);
        }
    }

    /**
     * The configured endpoint's client; the model card's threshold labels bare probabilities, for
     * endpoints that answer only those.
     */
    public static ModelClientFactory endpointClients(ScoringSettings settings) {
        return EndpointModelClient.factory(settings.endpoint, modelCard(settings).threshold);
    }

    /**
     * Async model scoring with the settings' batching, retries, breaker and rule fallback, with the
     * model the scoring tasks open with.
     */
    public static ScoringStage model(
            ScoringSettings settings, ModelClientFactory clients, RuleScorer rule) {
        return model(settings, clients, rule, null, null);
    }

    /** Following the model at scoring.model.path, unless its poll interval is 0. */
    private static ModelScoringStage.Following following(
            ScoringSettings settings, boolean withArtifact) {
        return settings.modelPollInterval.isZero()
                ? null
                : new ModelScoringStage.Following(
                        settings.modelPath, withArtifact, settings.modelPollInterval);
    }

    private static ScoringStage model(
            ScoringSettings settings,
            ModelClientFactory clients,
            RuleScorer rule,
            ModelRelease startup,
            ModelScoringStage.Following following) {
        return new ModelScoringStage(
                new ModelScoringFunction(
                        clients,
                        settings.batching,
                        settings.retries,
                        settings.breakerFailures,
                        settings.breakerCoolDown.toMillis(),
                        rule,
                        SystemScheduler.FACTORY,
                        startup),
                settings.asyncOrdered,
                settings.asyncTimeout,
                settings.asyncCapacity,
                following);
    }

    /**
     * What must hold before the graph runs, from one read of the model card: a model trained on
     * other columns than the job's features must not start scoring, and (unless switched off) one
     * real endpoint call shows that what no retry fixes (credentials, permission, endpoint name or
     * region) is in order, instead of every result turning into a fallback.
     */
    public static void checkBeforeStart(ScoringSettings settings) throws EndpointUnusableException {
        if (settings.scorer == ScoringSettings.ScorerType.RULE) {
            return;
        }
        ModelCard card = modelCard(settings);
        card.requireFeatures(Feature.columns());
        if (settings.scorer == ScoringSettings.ScorerType.ENDPOINT
                && settings.endpointStartupCheck) {
            new EndpointCheck(settings.endpoint, card.threshold, settings.asyncTimeout).run();
        }
    }

    private static ModelCard modelCard(ScoringSettings settings) {
        try {
            return ModelLocation.readCard(settings.modelPath);
        } catch (IOException | RuntimeException e) {
            throw unreadable(settings, "model.json", e);
        }
    }

    /**
     * The model every scoring task starts with, read once as the job is built, so that all start
     * with the same one however the model directory changes while they are deployed.
     */
    private static ModelRelease startup(ScoringSettings settings, boolean withArtifact) {
        try {
            return ModelRelease.read(settings.modelPath, AwsEndpoint.aws(), withArtifact);
        } catch (IOException | RuntimeException e) {
            throw unreadable(settings, withArtifact ? "model" : "model.json", e);
        }
    }

    private static double threshold(ModelRelease startup) {
        try {
            return startup.parseCard().threshold;
        } catch (IOException e) {
            throw new InvalidConfigException(
                    ScoringSettings.MODEL_PATH.qualifiedName()
                            + " holds a model.json that does not parse: "
                            + e.getMessage());
        }
    }

    private static InvalidConfigException unreadable(
            ScoringSettings settings, String what, Exception e) {
        return new InvalidConfigException(
                ScoringSettings.MODEL_PATH.qualifiedName()
                        + " = '"
                        + settings.modelPath
                        + "' has no readable "
                        + what
                        + ": "
                        + e.getMessage());
    }
}
