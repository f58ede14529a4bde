package io.occupancystream.job.results;

import io.occupancystream.model.ModelCard;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import java.io.Serializable;

/**
 * The decision rules of the model card a result was scored under: they travel on the result, so
 * that the rooms stage decides each result with the rules of the release that scored it, also
 * across a switch to a new card. A Flink POJO.
 */
public class DecisionRules implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * For results no card scored (the rule scorer): their 1/0 votes decided as they are, and a room
     * occupied when at least half of its fresh devices say so.
     */
    public static final DecisionRules RULE =
            new DecisionRules(
                    DecisionRule.threshold(0.5),
                    new RoomRule(FusionMethod.MEAN, DecisionRule.threshold(0.5), 0));

    public DecisionRule device;

    /** {@code freshnessSeconds} is 0 where the card names none: rooms.freshness then applies. */
    public RoomRule room;

    public DecisionRules() {}

    public DecisionRules(DecisionRule device, RoomRule room) {
        this.device = device;
        this.room = room;
    }

    public static DecisionRules of(ModelCard card) {
        return new DecisionRules(card.deviceRule(), card.roomRule(0));
    }

    /** The room rule, with {@code defaultFreshnessSeconds} where the card names no window. */
    public RoomRule room(long defaultFreshnessSeconds) {
        return room.orFreshness(defaultFreshnessSeconds);
    }

    @Override
    public String toString() {
        return "device: " + device + "; room: " + room;
    }
}
