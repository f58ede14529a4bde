package io.occupancystream.job.testing;

import io.occupancystream.job.ingest.ReadingSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Replays lines in one task, pausing before each, and calls a hook with each line's index (from 0)
 * before the line goes on: to change the world outside the job (stop an endpoint, start another) or
 * wait until the job got somewhere, at a known point of the replay. The hook stays in this JVM;
 * only its key travels with the job. The task is not chained to the next, so that a pause or a
 * waiting hook does not also hold up the watermarks generated after it.
 */
public final class PacedSource {
    private static final Map<String, IntConsumer> HOOKS = new ConcurrentHashMap<>();

    private PacedSource() {}

    public static ReadingSource of(List<String> lines, long pauseMillis, IntConsumer beforeLine) {
        String key = UUID.randomUUID().toString();
        HOOKS.put(key, beforeLine);
        return env ->
                env.fromData(lines).map(new Pace(key, pauseMillis)).name("pace").disableChaining();
    }

    public static ReadingSource of(List<String> lines, long pauseMillis) {
        return of(lines, pauseMillis, i -> {});
    }

    private static final class Pace implements MapFunction<String, String> {
        private final String key;
        private final long pauseMillis;
        private int index;

        Pace(String key, long pauseMillis) {
            this.key = key;
            this.pauseMillis = pauseMillis;
        }

        @Override
        public String map(String line) throws Exception {
            Thread.sleep(pauseMillis);
            HOOKS.get(key).accept(index++);
            return line;
        }
    }
}
