package io.occupancystream.job.rooms;

import io.occupancystream.job.results.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.TimeDomain;
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
 *
 * <p>A live stream has no end, and its watermark stands still while no device publishes (every
 * shard idle): the last results before a lull would wait for the next reading. With a maximum wait,
 * a second whose first result has waited that long in processing time leaves, with every earlier
 * second still waiting, in the same order; a result of a second let go so leaves at once (late), as
 * after the watermark.
 */
public class EventTimeOrder extends KeyedProcessFunction<String, Result, Result> {
    private static final Comparator<Result> BY_THING = Comparator.comparing(r -> r.thingName);

    private final long maxWaitMillis;

    private transient MapState<Long, List<Result>> waiting;

    /** When each waiting second's first result arrived, in processing time. */
    private transient MapState<Long, Long> arrived;

    /** The newest second let go before the watermark passed it. */
    private transient ValueState<Long> releasedThrough;

    /**
     * @param maxWaitMillis the longest a result waits for the watermark, in processing time; 0 to
     *     wait for the watermark alone, as a replay must to decide the same at any speed
     */
    public EventTimeOrder(long maxWaitMillis) {
        if (maxWaitMillis < 0) {
            throw new IllegalArgumentException("a wait of at least 0 ms, not " + maxWaitMillis);
        }
        this.maxWaitMillis = maxWaitMillis;
    }

    /** The results waiting, by second: the state this order has kept from the start. */
    static MapStateDescriptor<Long, List<Result>> waitingState() {
        return new MapStateDescriptor<>(
                "waiting", Types.LONG, Types.LIST(Types.POJO(Result.class)));
    }

    @Override
    public void open(Configuration parameters) {
        waiting = getRuntimeContext().getMapState(waitingState());
        arrived =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("arrived", Types.LONG, Types.LONG));
        releasedThrough =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("released-through", Types.LONG));
    }

    @Override
    public void processElement(Result result, Context ctx, Collector<Result> out) throws Exception {
        long millis = result.timestamp * 1000L;
        if (millis <= ctx.timerService().currentWatermark() || letGoByTheWait(result.timestamp)) {
            out.collect(result);
            return;
        }
        List<Result> second = waiting.get(result.timestamp);
        if (second == null) {
            second = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(millis);
            if (maxWaitMillis > 0) {
                long now = ctx.timerService().currentProcessingTime();
                arrived.put(result.timestamp, now);
                ctx.timerService().registerProcessingTimeTimer(now + maxWaitMillis);
            }
        }
        second.add(result);
        waiting.put(result.timestamp, second);
    }

    @Override
    public void onTimer(long millis, OnTimerContext ctx, Collector<Result> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            releaseWaitedSince(millis - maxWaitMillis, out);
            return;
        }
        long timestamp = millis / 1000L;
        List<Result> due = waiting.get(timestamp);
        if (due == null) {
            return; // let go by the wait already
        }
        waiting.remove(timestamp);
        arrived.remove(timestamp);
        emit(due, out);
    }

    /** Whether {@code timestamp}'s second has left already because it waited too long. */
    private boolean letGoByTheWait(long timestamp) throws Exception {
        if (maxWaitMillis == 0) {
            return false; // no state to read: nothing is ever let go before the watermark
        }
        Long released = releasedThrough.value();
        return released != null && timestamp <= released;
    }

    /** Lets go every second up to the newest whose first result arrived by {@code arrivedBy}. */
    private void releaseWaitedSince(long arrivedBy, Collector<Result> out) throws Exception {
        long through = Long.MIN_VALUE;
        for (Map.Entry<Long, Long> second : arrived.entries()) {
            if (second.getValue() <= arrivedBy) {
                through = Math.max(through, second.getKey());
            }
        }
        if (through == Long.MIN_VALUE) {
            return;
        }
        TreeMap<Long, List<Result>> due = new TreeMap<>();
        for (Map.Entry<Long, List<Result>> second : waiting.entries()) {
            if (second.getKey() <= through) {
                due.put(second.getKey(), second.getValue());
            }
        }
        for (Map.Entry<Long, List<Result>> second : due.entrySet()) {
            waiting.remove(second.getKey());
            arrived.remove(second.getKey());
            emit(second.getValue(), out);
        }
        Long released = releasedThrough.value();
        releasedThrough.update(released == null ? through : Math.max(released, through));
    }

    private static void emit(List<Result> second, Collector<Result> out) {
        second.sort(BY_THING);
        second.forEach(out::collect);
    }
}
