package io.occupancystream.job.summary;

import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * A Flink accumulator of counts under names that are only known at run time (a device's or a
 * room's), which a bounded run returns whole; not a metric, so a fleet of devices does not become a
 * fleet of metrics. Not thread-safe: use from the operator's task thread.
 */
public class CountsByName implements Accumulator<String, TreeMap<String, Long>> {
    private static final long serialVersionUID = 1L;

    private TreeMap<String, Long> counts = new TreeMap<>();

    @Override
    public void add(String name) {
        counts.merge(name, 1L, Long::sum);
    }

    @Override
    public TreeMap<String, Long> getLocalValue() {
        return counts;
    }

    @Override
    public void resetLocal() {
        counts = new TreeMap<>();
    }

    @Override
    public void merge(Accumulator<String, TreeMap<String, Long>> other) {
        other.getLocalValue().forEach((name, n) -> counts.merge(name, n, Long::sum));
    }

    @Override
    public CountsByName clone() {
        CountsByName copy = new CountsByName();
        copy.counts = new TreeMap<>(counts);
        return copy;
    }
}
