package io.occupancystream.job.summary;

import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * A Flink accumulator of counts under names that are only known at run time (a device's or a
 * room's), which a bounded run returns whole; not a metric, so a fleet of devices does not become a
 * fleet of metrics. Counted from one task thread; while it counts, the TaskManager serializes it on
 * another thread for each heartbeat to the JobManager, so the counts sit in a concurrent map, whose
 * serialization sees some state between two additions instead of failing (a {@code TreeMap} threw
 * {@code ConcurrentModificationException} there, and the JobManager then failed on the missing
 * snapshot).
 */
public class CountsByName implements Accumulator<String, TreeMap<String, Long>> {
    private static final long serialVersionUID = 2L;

    private ConcurrentSkipListMap<String, Long> counts = new ConcurrentSkipListMap<>();

    @Override
    public void add(String name) {
        counts.merge(name, 1L, Long::sum);
    }

    /** A copy: the counts as they are now. */
    @Override
    public TreeMap<String, Long> getLocalValue() {
        return new TreeMap<>(counts);
    }

    @Override
    public void resetLocal() {
        counts = new ConcurrentSkipListMap<>();
    }

    @Override
    public void merge(Accumulator<String, TreeMap<String, Long>> other) {
        other.getLocalValue().forEach((name, n) -> counts.merge(name, n, Long::sum));
    }

    @Override
    public CountsByName clone() {
        CountsByName copy = new CountsByName();
        copy.counts = new ConcurrentSkipListMap<>(counts);
        return copy;
    }
}
