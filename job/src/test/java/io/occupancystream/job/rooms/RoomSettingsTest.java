package io.occupancystream.job.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.config.InvalidConfigException;
import io.occupancystream.job.config.PropertyGroups;
import java.time.Duration;
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

    @Test
    void kinesisWaitsTenSecondsAtMostForTheWatermarkAndAReplayAsLongAsItTakesUnlessSet() {
        assertThat(maxWait("source.type=kinesis")).isEqualTo(Duration.ofSeconds(10));
        assertThat(maxWait("source.type=replay")).isZero();
        assertThat(maxWait("source.type=kinesis", "rooms.max-wait=0 s")).isZero();
        assertThat(maxWait("source.type=replay", "rooms.max-wait=30 s"))
                .isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> maxWait("rooms.max-wait=soon"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(
                        "rooms.max-wait = 'soon' is invalid: expected a duration such as 500 ms, 5"
                                + " s, 1 min, 1 h, 1 d");
    }

    private static DecisionOrder order(String... overrides) {
        return settings(overrides).order;
    }

    private static Duration maxWait(String... overrides) {
        return settings(overrides).maxWait;
    }

    private static RoomSettings settings(String... overrides) {
        return RoomSettings.from(
                PropertyGroups.empty(JobSettings.ALL).withOverrides(List.of(overrides)));
    }
}
