package io.occupancystream.job.testing;

import io.occupancystream.job.outputs.OutputSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;

/** An output that collects what reaches it in memory, for MiniCluster tests in this JVM. */
public final class CollectingSink<T> implements OutputSink<T> {
    private static final Map<String, List<Object>> COLLECTED = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public CollectingSink() {
        COLLECTED.put(id, Collections.synchronizedList(new ArrayList<>()));
    }

    @Override
    public void attach(DataStream<T> stream) {
        stream.addSink(new Collect<>(id)).name("collect");
    }

    @SuppressWarnings("unchecked")
    public List<T> values() {
        synchronized (COLLECTED.get(id)) {
            return new ArrayList<>((List<T>) (List<?>) COLLECTED.get(id));
        }
    }

    /**
     * Blocks until the values collected so far satisfy {@code condition}, woken by each new value;
     * fails after {@code max}. For a test that must hold its input until the job got somewhere.
     */
    @SuppressWarnings("unchecked")
    public void await(String what, Predicate<List<T>> condition, Duration max) {
        List<Object> collected = COLLECTED.get(id);
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (collected) {
            while (!condition.test((List<T>) (List<?>) collected)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("gave up after " + max + ": " + what);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(collected, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for " + what, e);
                }
            }
        }
    }

    private static final class Collect<T> implements SinkFunction<T> {
        private final String id;

        Collect(String id) {
            this.id = id;
        }

        @Override
        public void invoke(T value, Context context) {
            List<Object> collected = COLLECTED.get(id);
            synchronized (collected) {
                collected.add(value);
                collected.notifyAll();
            }
        }
    }
}
