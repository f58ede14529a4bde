package io.occupancystream.job.results;

import io.occupancystream.job.scoring.ScoreSource;
import io.occupancystream.job.summary.Tally;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;

/**
 * Counts results by source and, for results of labelled readings, the confusion matrix of the
 * predicted against the reported occupancy, per source. Passes results through unchanged.
 */
public class ResultTally extends RichMapFunction<Result, Result> {
    /** The confusion-matrix cells, as they are named in tallies and the summary. */
    public static final String[] CELLS = {"tp", "fp", "tn", "fn"};

    private transient Map<String, Tally> tallies;

    @Override
    public void open(Configuration parameters) {
        tallies = new HashMap<>();
        for (ScoreSource source : ScoreSource.values()) {
            register(Tally.RESULTS + "." + source.label());
            for (String cell : CELLS) {
                register(Tally.CONFUSION + "." + source.label() + "." + cell);
            }
        }
    }

    private void register(String name) {
        tallies.put(name, Tally.register(getRuntimeContext(), name));
    }

    @Override
    public Result map(Result result) {
        tallies.get(Tally.RESULTS + "." + result.source).increment();
        if (result.reportedOccupancy != null) {
            tallies.get(Tally.CONFUSION + "." + result.source + "." + cell(result)).increment();
        }
        return result;
    }

    private static String cell(Result r) {
        boolean actual = r.reportedOccupancy;
        if (r.roomOccupancy) {
            return actual ? "tp" : "fp";
        }
        return actual ? "fn" : "tn";
    }
}
