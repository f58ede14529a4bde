package io.occupancystream.job.summary;

import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import io.occupancystream.job.metrics.TallyNames;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.scoring.RuleScorer;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;

/**
 * Counts results by source and fallbacks by reason, and for results of labelled readings the
 * confusion matrix of predicted against reported occupancy, per source and, for comparison, what
 * the rule would have decided for the same readings; the same per device and per room, by the
 * device's own decision, its room's and the rule's ({@link PerPlace}). Passes results through
 * unchanged.
 */
public class ResultTally extends RichMapFunction<Result, Result> {
    private final RuleScorer rule;
    private transient Map<String, Tally> tallies;
    private transient CountsByName perPlace;

    public ResultTally(RuleScorer rule) {
        this.rule = rule;
    }

    @Override
    public void open(Configuration parameters) {
        tallies = new HashMap<>();
        for (ScoreSource source : ScoreSource.values()) {
            register(MetricName.RESULTS, source.label());
            for (String cell : TallyNames.CELLS) {
                register(MetricName.CONFUSION, source.label(), cell);
            }
        }
        for (String cell : TallyNames.CELLS) {
            register(MetricName.CONFUSION, TallyNames.RULE_ON_SAME_READINGS, cell);
        }
        for (FallbackReason reason : FallbackReason.values()) {
            register(MetricName.FALLBACKS, reason);
        }
        perPlace = new CountsByName();
        getRuntimeContext().addAccumulator(PerPlace.ACCUMULATOR, perPlace);
    }

    private void register(MetricName metric, Object... members) {
        tallies.put(metric.of(members), Tally.register(getRuntimeContext(), metric, members));
    }

    @Override
    public Result map(Result result) {
        String source = result.source.label();
        tallies.get(MetricName.RESULTS.of(source)).increment();
        if (result.fallbackReason != null) {
            tallies.get(MetricName.FALLBACKS.of(result.fallbackReason)).increment();
        }
        if (result.reportedOccupancy != null) {
            boolean actual = result.reportedOccupancy;
            tallies.get(MetricName.CONFUSION.of(source, cell(result.roomOccupancy, actual)))
                    .increment();
            boolean ruled = rule.occupied(result.sound);
            tallies.get(
                            MetricName.CONFUSION.of(
                                    TallyNames.RULE_ON_SAME_READINGS, cell(ruled, actual)))
                    .increment();
            countPerPlace(result, ruled, actual);
        }
        return result;
    }

    private void countPerPlace(Result result, boolean ruled, boolean actual) {
        for (String[] place :
                new String[][] {
                    {PerPlace.DEVICE, result.thingName}, {PerPlace.ROOM, result.room}
                }) {
            String scope = place[0];
            String name = place[1];
            perPlace.add(
                    PerPlace.name(
                            scope, name, PerPlace.DEVICE, cell(result.deviceOccupancy, actual)));
            perPlace.add(
                    PerPlace.name(scope, name, PerPlace.ROOM, cell(result.roomOccupancy, actual)));
            perPlace.add(PerPlace.name(scope, name, PerPlace.RULE, cell(ruled, actual)));
        }
    }

    private static String cell(boolean predicted, boolean actual) {
        if (predicted) {
            return actual ? "tp" : "fp";
        }
        return actual ? "fn" : "tn";
    }
}
