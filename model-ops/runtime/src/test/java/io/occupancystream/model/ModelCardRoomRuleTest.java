package io.occupancystream.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The room rule as model.json carries it, from cards written before and after the quiet span. */
class ModelCardRoomRuleTest {
    @Test
    void theQuietSpanRoundTripsThroughTheCard() throws Exception {
        ModelCard card = new ModelCard();
        card.threshold = 0.5;
        card.room = new RoomRule(FusionMethod.MEAN, new DecisionRule(0.65, 0.35, 0, 120), 130, 90);

        RoomRule read = ModelCard.fromJson(card.toJson()).roomRule(120);

        assertThat(read.toString()).isEqualTo(card.room.toString());
        assertThat(read.quietSeconds).isEqualTo(90);
    }

    @Test
    void aCardWithoutAQuietSpanNeverScoresARoomZeroForQuiet() throws Exception {
        String json =
                "{\"threshold\":0.5,\"room\":{\"method\":\"MAX\",\"freshnessSeconds\":0,"
                        + "\"decision\":{\"enter\":0.6,\"leave\":0.4}}}";

        RoomRule read = ModelCard.fromJson(json.getBytes(StandardCharsets.UTF_8)).roomRule(120);

        assertThat(read.quietSeconds).isZero();
        assertThat(read.freshnessSeconds).isEqualTo(120);
        assertThat(read.method).isEqualTo(FusionMethod.MAX);
    }
}
