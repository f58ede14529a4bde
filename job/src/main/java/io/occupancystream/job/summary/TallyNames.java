package io.occupancystream.job.summary;

import io.occupancystream.job.reading.RejectReason;
import io.occupancystream.job.results.ResultTally;
import io.occupancystream.job.scoring.FallbackReason;
import io.occupancystream.job.scoring.ScoreSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@link Tally} the job keeps, by its dotted name. Uses no Flink class at run time (the names
 * it reads from {@link Tally} and {@link ResultTally} are compile-time constants), so that the
 * deploy module can load it without Flink.
 */
public final class TallyNames {
    /** The confusion-matrix cells, as they are named in tallies and the summary. */
    public static final List<String> CELLS = List.of("tp", "fp", "tn", "fn");

    private TallyNames() {}

    public static List<String> all() {
        List<String> names =
                new ArrayList<>(
                        List.of(
                                Tally.READINGS_IN,
                                Tally.VALID,
                                Tally.OUTSIDE_REPLAY_RANGE,
                                Tally.DUPLICATES,
                                Tally.LATE,
                                Tally.TRAINING_ROWS,
                                Tally.UNLABELLED));
        for (RejectReason reason : RejectReason.values()) {
            names.add(Tally.DEAD_LETTERS + "." + reason);
        }
        List<String> confusionGroups = new ArrayList<>();
        for (ScoreSource source : ScoreSource.values()) {
            names.add(Tally.RESULTS + "." + source.label());
            confusionGroups.add(source.label());
        }
        confusionGroups.add(ResultTally.RULE_ON_SAME_READINGS);
        for (String group : confusionGroups) {
            for (String cell : CELLS) {
                names.add(Tally.CONFUSION + "." + group + "." + cell);
            }
        }
        for (FallbackReason reason : FallbackReason.values()) {
            names.add(Tally.FALLBACKS + "." + reason);
        }
        return names;
    }
}
