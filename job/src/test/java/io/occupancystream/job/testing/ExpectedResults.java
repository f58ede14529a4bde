package io.occupancystream.job.testing;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.model.OccupancyPredictor;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The results a scoring run must produce, as one comparable line per result: {@code id source
 * fallbackReason modelVersion roomOccupancy probability}. A model result carries the predictor's
 * probability for the reading's own feature row (computed here, alone, from the featured readings)
 * and its label; a fallback carries the rule's decision on the reading's sound.
 */
public final class ExpectedResults {
    private final OccupancyPredictor predictor;
    private final RuleScorer rule;
    private final Map<String, Double> sounds;
    private final Map<String, Float> probabilities;

    public ExpectedResults(
            OccupancyPredictor predictor,
            RuleScorer rule,
            List<String> recording,
            List<FeaturedReading> featured) {
        this.predictor = predictor;
        this.rule = rule;
        this.sounds = ScoringJobs.sounds(recording);
        this.probabilities = ScoringJobs.modelProbabilities(predictor, featured);
    }

    private ExpectedResults(RuleScorer rule, List<String> recording) {
        this.predictor = null;
        this.rule = rule;
        this.sounds = ScoringJobs.sounds(recording);
        this.probabilities = Map.of();
    }

    /** Expectations of rule results and fallbacks, without a model. */
    public static ExpectedResults ruleOnly(RuleScorer rule, List<String> recording) {
        return new ExpectedResults(rule, recording);
    }

    /** A result as one line: {@code id source fallbackReason modelVersion occupied probability}. */
    public static String describe(Result r) {
        return r.id()
                + " "
                + r.source.label()
                + " "
                + r.fallbackReason
                + " "
                + r.modelVersion
                + " "
                + r.roomOccupancy
                + " "
                + r.probability;
    }

    public static List<String> describe(List<Result> results) {
        return results.stream().map(ExpectedResults::describe).collect(Collectors.toList());
    }

    /** The line of reading {@code id} scored by the model. */
    public String model(String id) {
        float p = probabilities.get(id);
        return id
                + " model null "
                + predictor.version()
                + " "
                + predictor.occupied(p)
                + " "
                + Double.valueOf(Float.toString(p));
    }

    /** The line of reading {@code id} scored by the rule because of {@code reason}. */
    public String fallback(String id, FallbackReason reason) {
        return id
                + " fallback "
                + reason.name()
                + " "
                + rule.version()
                + " "
                + rule.occupied(sounds.get(id))
                + " null";
    }

    /** The line of reading {@code id} scored by the rule as the configured scorer. */
    public String rule(String id) {
        return id + " rule null " + rule.version() + " " + rule.occupied(sounds.get(id)) + " null";
    }

    public List<String> rule(List<String> ids) {
        return ids.stream().map(this::rule).collect(Collectors.toList());
    }

    public List<String> model(List<String> ids) {
        return ids.stream().map(this::model).collect(Collectors.toList());
    }

    public List<String> fallback(List<String> ids, FallbackReason reason) {
        return ids.stream().map(id -> fallback(id, reason)).collect(Collectors.toList());
    }
}
