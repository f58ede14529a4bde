package io.occupancystream.model.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomDeciderTest {
    private static final DecisionRule HALF = DecisionRule.threshold(0.5);

    @Test
    void eachDevicesDecisionIsItsOwnLatchUnderTheDeviceRule() {
        DecisionRule hysteresis = new DecisionRule(0.6, 0.3, 0, 0);
        RoomDecider lab = new RoomDecider();
        RoomRule room = new RoomRule(FusionMethod.MAX, HALF, 120);
        assertThat(lab.decide("s1", 0, 0.7, hysteresis, room).deviceOccupancy).isTrue();
        assertThat(lab.decide("s2", 0, 0.5, hysteresis, room).deviceOccupancy).isFalse();
        assertThat(lab.decide("s1", 30, 0.4, hysteresis, room).deviceOccupancy).isTrue();
        assertThat(lab.decide("s2", 30, 0.4, hysteresis, room).deviceOccupancy).isFalse();
        assertThat(lab.decide("s1", 60, 0.29, hysteresis, room).deviceOccupancy).isFalse();
    }

    @Test
    void theRoomFusesItsFreshDevicesAndLatchesUnderTheRoomRule() {
        RoomDecider lab = new RoomDecider();
        RoomRule mean = new RoomRule(FusionMethod.MEAN, new DecisionRule(0.5, 0.5, 0, 60), 120);
        RoomDecision first = lab.decide("s1", 0, 0.9, HALF, mean);
        RoomDecision second = lab.decide("s2", 0, 0.3, HALF, mean);
        RoomDecision third = lab.decide("s1", 30, 0.1, HALF, mean);
        RoomDecision fourth = lab.decide("s2", 60, 0.1, HALF, mean);

        assertThat(first.toString()).isEqualTo("device true, room true (score 0.9 of 1)");
        assertThat(second.toString()).isEqualTo("device false, room true (score 0.6 of 2)");
        // The room wants to leave from 30 s on; it leaves once that has lasted 60 s.
        assertThat(third.toString()).isEqualTo("device false, room true (score 0.2 of 2)");
        assertThat(fourth.toString()).isEqualTo("device false, room true (score 0.1 of 2)");
        assertThat(lab.decide("s1", 90, 0.1, HALF, mean).roomOccupancy).isFalse();
    }

    @Test
    void aDeviceThatGoesQuietForLongerThanTheFreshnessWindowStopsVoting() {
        RoomDecider lab = new RoomDecider();
        RoomRule max = new RoomRule(FusionMethod.MAX, HALF, 60);
        lab.decide("s1", 0, 0.9, HALF, max);
        assertThat(lab.decide("s2", 60, 0.1, HALF, max).toString())
                .isEqualTo("device false, room true (score 0.9 of 2)");
        assertThat(lab.decide("s2", 61, 0.1, HALF, max).toString())
                .isEqualTo("device false, room false (score 0.1 of 1)");
        assertThat(lab.votes).containsOnlyKeys("s2");
    }

    @Test
    void aResultOlderThanItsDevicesNewestChangesNoLatchAndLeavesTheNewerVote() {
        RoomDecider lab = new RoomDecider();
        RoomRule mean = new RoomRule(FusionMethod.MEAN, HALF, 120);
        lab.decide("s1", 60, 0.9, HALF, mean);
        RoomDecision older = lab.decide("s1", 30, 0.1, HALF, mean);

        assertThat(older.toString()).isEqualTo("device true, room true (score 0.9 of 1)");
        assertThat(lab.votes.get("s1").timestamp).isEqualTo(60);
    }

    @Test
    void aResultTheRuleDecidedVotesOneOrZero() {
        assertThat(RoomDecider.probabilityOf(null, true)).isEqualTo(1.0);
        assertThat(RoomDecider.probabilityOf(null, false)).isEqualTo(0.0);
        assertThat(RoomDecider.probabilityOf(0.25, true)).isEqualTo(0.25);
    }
}
