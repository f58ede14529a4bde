package io.occupancystream.job.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.config.InvalidConfigException;
import io.occupancystream.job.config.PropertyGroups;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomSettingsTest {
    @Test
    void aReplayDecidesRoomsInEventTimeAndKinesisOnArrivalUnlessRoomsOrderSaysOtherwise() {
        assertThat(order()).isEqualTo(DecisionOrder.EVENT_TIME);
        assertThat(order("source.type=replay")).isEqualTo(DecisionOrder.EVENT_TIME);
        assertThat(order("source.type=kinesis")).isEqualTo(DecisionOrder.ARRIVAL);
        assertThat(order("source.type=replay", "rooms.order=arrival"))
                .isEqualTo(DecisionOrder.ARRIVAL);
        assertThat(order("source.type=kinesis", "rooms.order=event-time"))
                .isEqualTo(DecisionOrder.EVENT_TIME);
    }

    @Test
    void anUnknownOrderFailsAtStartUpNamingTheKeyAndTheValuesItTakes() {
        assertThatThrownBy(() -> order("rooms.order=event_time"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(
                        "rooms.order = 'event_time' is invalid: expected arrival or event-time, or"
                                + " nothing for the default");
    }

    private static DecisionOrder order(String... overrides) {
        return RoomSettings.from(
                        PropertyGroups.empty(JobSettings.ALL).withOverrides(List.of(overrides)))
                .order;
    }
}
