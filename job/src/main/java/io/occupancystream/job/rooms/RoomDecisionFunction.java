package io.occupancystream.job.rooms;

import io.occupancystream.job.results.Result;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.Latch;
import io.occupancystream.model.decision.RoomRule;
import io.occupancystream.model.decision.Vote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decides, keyed by room, each device's and the room's occupancy from the devices' scored results,
 * in event-time order: a result waits until the watermark passes its timestamp (the watermark
 * features already wait for, so no later than before), then the results of one second, in thing
 * name order, each update their device's {@link Latch} under the device's rule and put the device's
 * {@link Vote}; the votes fresh at that second are fused and the room's latch decides. Every result
 * leaves once, with its device's and its room's decision, so the decisions do not depend on the
 * order in which async scoring answered. A result already behind the watermark is decided at once;
 * its device's newer vote stays, and a latch cannot be changed by an older timestamp.
 *
 * <p>A result the rule decided (the rule scorer, or a fallback) has no probability: it votes 1 for
 * occupied and 0 for not, through the same latches.
 */
public class RoomDecisionFunction extends KeyedProcessFunction<String, Result, Result> {
    private static final Comparator<Result> BY_THING = Comparator.comparing(r -> r.thingName);

    private final DecisionRules rules;

    private transient MapState<Long, List<Result>> waiting;
    private transient MapState<String, Latch> devices;
    private transient MapState<String, Vote> votes;
    private transient ValueState<Latch> room;

    public RoomDecisionFunction(DecisionRules rules) {
        this.rules = rules;
    }

    @Override
    public void open(Configuration parameters) {
        waiting =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "waiting",
                                        Types.LONG,
                                        Types.LIST(Types.POJO(Result.class))));
        devices =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "devices", Types.STRING, Types.POJO(Latch.class)));
        votes =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "votes", Types.STRING, Types.POJO(Vote.class)));
        room = getRuntimeContext().getState(new ValueStateDescriptor<>("room", Latch.class));
    }

    @Override
    public void processElement(Result result, Context ctx, Collector<Result> out) throws Exception {
        long millis = result.timestamp * 1000L;
        if (millis <= ctx.timerService().currentWatermark()) {
            decide(List.of(result), result.timestamp, out);
            return;
        }
        List<Result> at = waiting.get(result.timestamp);
        List<Result> now = at == null ? new ArrayList<>() : new ArrayList<>(at);
        now.add(result);
        waiting.put(result.timestamp, now);
        ctx.timerService().registerEventTimeTimer(millis);
    }

    @Override
    public void onTimer(long millis, OnTimerContext ctx, Collector<Result> out) throws Exception {
        long timestamp = millis / 1000L;
        List<Result> due = waiting.get(timestamp);
        if (due != null) {
            waiting.remove(timestamp);
            decide(due, timestamp, out);
        }
    }

    private void decide(List<Result> results, long timestamp, Collector<Result> out)
            throws Exception {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort(BY_THING);
        for (Result r : sorted) {
            r.deviceOccupancy = decideDevice(r);
        }
        RoomRule rule = rules.room(sorted.get(0).modelVersion);
        List<Vote> fresh = freshVotes(rule, timestamp);
        double score = rule.fuse(fresh, timestamp);
        Latch roomLatch = room.value() == null ? new Latch() : room.value();
        boolean occupied = roomLatch.update(rule.decision, score, timestamp);
        room.update(roomLatch);
        for (Result r : sorted) {
            r.roomOccupancy = occupied;
            r.roomScore = score;
            r.roomVoters = fresh.size();
            out.collect(r);
        }
    }

    private boolean decideDevice(Result r) throws Exception {
        DecisionRule rule = rules.device(r.modelVersion);
        double probability =
                r.probability != null ? r.probability : (r.deviceOccupancy ? 1.0 : 0.0);
        Latch latch = devices.get(r.thingName);
        latch = latch == null ? new Latch() : latch;
        boolean occupied = latch.update(rule, probability, r.timestamp);
        devices.put(r.thingName, latch);
        Vote newest = votes.get(r.thingName);
        if (newest == null || newest.timestamp <= r.timestamp) {
            votes.put(r.thingName, new Vote(r.timestamp, probability, occupied));
        }
        return occupied;
    }

    /**
     * The votes within the room's freshness window at {@code now}; a device whose newest vote is
     * older no longer votes, and its vote is forgotten.
     */
    private List<Vote> freshVotes(RoomRule rule, long now) throws Exception {
        List<Vote> fresh = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, Vote> e : votes.entries()) {
            if (now - e.getValue().timestamp > rule.freshnessSeconds) {
                stale.add(e.getKey());
            } else {
                fresh.add(e.getValue());
            }
        }
        for (String thing : stale) {
            votes.remove(thing);
        }
        return fresh;
    }
}
