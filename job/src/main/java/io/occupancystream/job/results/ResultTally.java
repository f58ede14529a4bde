package io.occupancystream.job.results;

import io.occupancystream.job.scoring.FallbackReason;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoreSource;
import io.occupancystream.job.summary.Tally;
import io.occupancystream.job.summary.TallyNames;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;

/**
 * Counts results by source and fallbacks by reason, and for results of labelled readings the
 * confusion matrix of predicted against reported occupancy, per source and, for comparison, what
 * the rule would have decided for the same readings. Passes results through unchanged.
 */
public class ResultTally extends RichMapFunction<Result, Result> {
    /** The tally group of the rule's decisions on every labelled result. */
    public static final String RULE_ON_SAME_READINGS = "ruleOnSameReadings";

    private final RuleScorer rule;
    private transient Map<String, Tally> tallies;

    public ResultTally(RuleScorer rule) {
        this.rule = rule;
    }

    @Override
    public void open(Configuration parameters) {
        tallies = new HashMap<>();
        for (ScoreSource source : ScoreSource.values()) {
            register(Tally.RESULTS + "." + source.label());
            for (String cell : TallyNames.CELLS) {
                register(Tally.CONFUSION + "." + source.label() + "." + cell);
            }
        }
        for (String cell : TallyNames.CELLS) {
            register(Tally.CONFUSION + "." + RULE_ON_SAME_READINGS + "." + cell);
        }
        for (FallbackReason reason : FallbackReason.values()) {
            register(Tally.FALLBACKS + "." + reason);
        }
    }

    private void register(String name) {
        tallies.put(name, Tally.register(getRuntimeContext(), name));
    }

    @Override
    public Result map(Result result) {
        tallies.get(Tally.RESULTS + "." + result.source).increment();
        if (result.fallbackReason != null) {
            tallies.get(Tally.FALLBACKS + "." + result.fallbackReason).increment();
        }
        if (result.reportedOccupancy != null) {
            boolean actual = result.reportedOccupancy;
            tallies.get(
                            Tally.CONFUSION
                                    + "."
                                    + result.source
                                    + "."
                                    + cell(result.roomOccupancy, actual))
                    .increment();
            tallies.get(
                            Tally.CONFUSION
                                    + "."
                                    + RULE_ON_SAME_READINGS
                                    + "."
                                    + cell(rule.occupied(result.sound), actual))
                    .increment();
        }
        return result;
    }

    private static String cell(boolean predicted, boolean actual) {
        if (predicted) {
            return actual ? "tp" : "fp";
        }
        return actual ? "fn" : "tn";
    }
}
