package io.occupancystream.job.rooms;

import io.occupancystream.job.results.DecisionRules;
import io.occupancystream.job.results.Result;
import io.occupancystream.model.decision.Latch;
import io.occupancystream.model.decision.RoomDecider;
import io.occupancystream.model.decision.RoomDecision;
import io.occupancystream.model.decision.Vote;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by room, decides each result as it arrives, with nothing held back for the watermark: the
 * room's {@link RoomDecider} takes the result's probability (a result the rule decided votes 1 or
 * 0) under the rules of the card that scored it, and the result leaves at once in its room, with
 * the room's decision as {@code roomOccupancy}, its device's as {@code deviceOccupancy}, the fused
 * {@code roomScore} and the number of {@code roomVoters}. One result out per result in.
 */
public class RoomDecisionFunction extends KeyedProcessFunction<String, Result, Result> {
    private static final TypeInformation<RoomDecider> DECIDER =
            Types.POJO(
                    RoomDecider.class,
                    Map.of(
                            "devices", Types.MAP(Types.STRING, Types.POJO(Latch.class)),
                            "votes", Types.MAP(Types.STRING, Types.POJO(Vote.class)),
                            "room", Types.POJO(Latch.class)));

    private final long defaultFreshnessSeconds;

    private transient ValueState<RoomDecider> room;

    /**
     * @param defaultFreshnessSeconds rooms.freshness, for cards that name no freshness window
     */
    public RoomDecisionFunction(long defaultFreshnessSeconds) {
        this.defaultFreshnessSeconds = defaultFreshnessSeconds;
    }

    @Override
    public void open(Configuration parameters) {
        room = getRuntimeContext().getState(new ValueStateDescriptor<>("room", DECIDER));
    }

    @Override
    public void processElement(Result result, Context ctx, Collector<Result> out) throws Exception {
        RoomDecider decider = room.value();
        if (decider == null) {
            decider = new RoomDecider();
        }
        DecisionRules rules = result.rules != null ? result.rules : DecisionRules.RULE;
        RoomDecision decision =
                decider.decide(
                        result.thingName,
                        result.timestamp,
                        RoomDecider.probabilityOf(result.probability, result.deviceOccupancy),
                        result.quietSeconds,
                        rules.device,
                        rules.room(defaultFreshnessSeconds));
        room.update(decider);
        result.room = ctx.getCurrentKey();
        result.deviceOccupancy = decision.deviceOccupancy;
        result.roomOccupancy = decision.roomOccupancy;
        result.roomScore = decision.roomScore;
        result.roomVoters = decision.roomVoters;
        out.collect(result);
    }
}
