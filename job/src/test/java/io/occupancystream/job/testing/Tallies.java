package io.occupancystream.job.testing;

import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** Reads the {@link io.occupancystream.job.metrics.Tally} counts an operator under test kept. */
public final class Tallies {
    private Tallies() {}

    /** The count of tally {@code name}, 0 if the operator never registered it. */
    public static long count(AbstractStreamOperatorTestHarness<?> harness, String name) {
        Accumulator<?, ?> tally =
                harness.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
        return tally == null ? 0 : (Long) tally.getLocalValue();
    }
}
