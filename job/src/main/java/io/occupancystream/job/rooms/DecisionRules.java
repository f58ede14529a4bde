package io.occupancystream.job.rooms;

import io.occupancystream.job.scoring.ScoringSettings;
import io.occupancystream.job.scoring.ScoringStages;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.RoomRule;
import java.io.Serializable;
import java.time.Duration;

/**
 * The rules a result is decided with: its device's {@link DecisionRule} and its room's {@link
 * RoomRule}, by the model version that scored it. The job scores with one model card, so every
 * version gets that card's rules; a job that switches cards while running looks them up by version
 * here, so a card's rules change with its model. Immutable.
 */
public final class DecisionRules implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The rule scorer's decisions vote as probability 1 or 0, so this keeps them as they are. */
    private static final DecisionRule RULE_DECISIONS = DecisionRule.threshold(0.5);

    private final DecisionRule device;
    private final RoomRule room;

    public DecisionRules(DecisionRule device, RoomRule room) {
        this.device = device.validate();
        this.room = room;
        room.decision.validate();
    }

    /** A model card's rules; {@code freshness} where the card names none. */
    public static DecisionRules of(ModelCard card, Duration freshness) {
        return new DecisionRules(card.deviceRule(), card.roomRule(freshness.getSeconds()));
    }

    /**
     * The model card's rules when a model scores, else (the rule scorer) the rule's decisions as
     * they are, a room occupied when at least half of its fresh devices' rules say so.
     */
    public static DecisionRules from(ScoringSettings scoring, RoomSettings rooms) {
        if (scoring.scorer == ScoringSettings.ScorerType.RULE) {
            ModelCard none = new ModelCard();
            none.decision = RULE_DECISIONS;
            return of(none, rooms.freshness);
        }
        return of(ScoringStages.modelCard(scoring), rooms.freshness);
    }

    /** The device rule for results of {@code modelVersion}. */
    public DecisionRule device(String modelVersion) {
        return device;
    }

    /** The room rule for results of {@code modelVersion}. */
    public RoomRule room(String modelVersion) {
        return room;
    }

    @Override
    public String toString() {
        return "device: " + device + "; room: " + room;
    }
}
