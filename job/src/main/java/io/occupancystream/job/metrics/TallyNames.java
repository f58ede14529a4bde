package io.occupancystream.job.metrics;

import io.occupancystream.job.reading.RejectReason;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.ScoreSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@link Tally} the job keeps, by its dotted name. Uses no Flink class at run time, so that
 * the deploy module can load it without Flink.
 */
public final class TallyNames {
    /** The confusion-matrix cells, as they are named in tallies and the summary. */
    public static final List<String> CELLS = List.of("tp", "fp", "tn", "fn");

    /** The confusion group of the rule's decisions on every labelled result. */
    public static final String RULE_ON_SAME_READINGS = "ruleOnSameReadings";

    private TallyNames() {}

    public static List<String> all() {
        List<String> names = new ArrayList<>();
        for (MetricName metric :
                List.of(
                        MetricName.READINGS_IN,
                        MetricName.VALID,
                        MetricName.OUTSIDE_REPLAY_RANGE,
                        MetricName.DUPLICATES,
                        MetricName.OUT_OF_ORDER,
                        MetricName.LATE,
                        MetricName.TRAINING_ROWS,
                        MetricName.UNLABELLED)) {
            names.add(metric.of());
        }
        for (RejectReason reason : RejectReason.values()) {
            names.add(MetricName.DEAD_LETTERS.of(reason));
        }
        List<String> confusionGroups = new ArrayList<>();
        for (ScoreSource source : ScoreSource.values()) {
            names.add(MetricName.RESULTS.of(source.label()));
            confusionGroups.add(source.label());
        }
        confusionGroups.add(RULE_ON_SAME_READINGS);
        for (String group : confusionGroups) {
            for (String cell : CELLS) {
                names.add(MetricName.CONFUSION.of(group, cell));
            }
        }
        for (FallbackReason reason : FallbackReason.values()) {
            names.add(MetricName.FALLBACKS.of(reason));
        }
        return names;
    }
}
