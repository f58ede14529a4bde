package io.occupancystream.job.rooms;

import io.occupancystream.job.results.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by room, puts the room's results in event-time order: each waits (in keyed state, by its
 * second) until the watermark passes its timestamp, and then that second's results leave in
 * thing-name order, as model-ops' {@code DecisionReplay} orders rows (a device's results of one
 * second, which de-duplication leaves one of, in arrival order). So the decisions taken after it do
 * not depend on how far ahead of its room's others a device's task ran. A result the watermark has
 * already passed leaves at once (late). Every result leaves exactly once; what waits is at most
 * what arrived ahead of the watermark, and the end-of-input watermark lets all of it go.
 */
public class EventTimeOrder extends KeyedProcessFunction<String, Result, Result> {
    private static final Comparator<Result> BY_THING = Comparator.comparing(r -> r.thingName);

    private transient MapState<Long, List<Result>> waiting;

    @Override
    public void open(Configuration parameters) {
        waiting =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "waiting",
                                        Types.LONG,
                                        Types.LIST(Types.POJO(Result.class))));
    }

    @Override
    public void processElement(Result result, Context ctx, Collector<Result> out) throws Exception {
        long millis = result.timestamp * 1000L;
        if (millis <= ctx.timerService().currentWatermark()) {
            out.collect(result);
            return;
        }
        List<Result> second = waiting.get(result.timestamp);
        if (second == null) {
            second = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(millis);
        }
        second.add(result);
        waiting.put(result.timestamp, second);
    }

    @Override
    public void onTimer(long millis, OnTimerContext ctx, Collector<Result> out) throws Exception {
        long timestamp = millis / 1000L;
        List<Result> due = waiting.get(timestamp);
        waiting.remove(timestamp);
        due.sort(BY_THING);
        due.forEach(out::collect);
    }
}
