package io.occupancystream.job.testing;

import io.occupancystream.job.outputs.OutputSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final class Collect<T> implements SinkFunction<T> {
        private final String id;

        Collect(String id) {
            this.id = id;
        }

        @Override
        public void invoke(T value, Context context) {
            COLLECTED.get(id).add(value);
        }
    }
}
