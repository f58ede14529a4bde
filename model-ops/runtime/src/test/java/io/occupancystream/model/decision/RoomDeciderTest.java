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
        assertThat(lab.decide("s1", 0, 0.7, 0, hysteresis, room).deviceOccupancy).isTrue();
        assertThat(lab.decide("s2", 0, 0.5, 0, hysteresis, room).deviceOccupancy).isFalse();
        assertThat(lab.decide("s1", 30, 0.4, 0, hysteresis, room).deviceOccupancy).isTrue();
        assertThat(lab.decide("s2", 30, 0.4, 0, hysteresis, room).deviceOccupancy).isFalse();
        assertThat(lab.decide("s1", 60, 0.29, 0, hysteresis, room).deviceOccupancy).isFalse();
    }

    @Test
    void theRoomFusesItsFreshDevicesAndLatchesUnderTheRoomRule() {
        RoomDecider lab = new RoomDecider();
        RoomRule mean = new RoomRule(FusionMethod.MEAN, new DecisionRule(0.5, 0.5, 0, 60), 120);
        RoomDecision first = lab.decide("s1", 0, 0.9, 0, HALF, mean);
        RoomDecision second = lab.decide("s2", 0, 0.3, 0, HALF, mean);
        RoomDecision third = lab.decide("s1", 30, 0.1, 0, HALF, mean);
        RoomDecision fourth = lab.decide("s2", 60, 0.1, 0, HALF, mean);

        assertThat(first.toString()).isEqualTo("device true, room true (score 0.9 of 1)");
        assertThat(second.toString()).isEqualTo("device false, room true (score 0.6 of 2)");
        // The room wants to leave from 30 s on; it leaves once that has lasted 60 s.
        assertThat(third.toString()).isEqualTo("device false, room true (score 0.2 of 2)");
        assertThat(fourth.toString()).isEqualTo("device false, room true (score 0.1 of 2)");
        assertThat(lab.decide("s1", 90, 0.1, 0, HALF, mean).roomOccupancy).isFalse();
    }

    @Test
    void aDeviceThatGoesQuietForLongerThanTheFreshnessWindowStopsVoting() {
        RoomDecider lab = new RoomDecider();
        RoomRule max = new RoomRule(FusionMethod.MAX, HALF, 60);
        lab.decide("s1", 0, 0.9, 0, HALF, max);
        assertThat(lab.decide("s2", 60, 0.1, 0, HALF, max).toString())
                .isEqualTo("device false, room true (score 0.9 of 2)");
        assertThat(lab.decide("s2", 61, 0.1, 0, HALF, max).toString())
                .isEqualTo("device false, room false (score 0.1 of 1)");
        assertThat(lab.votes).containsOnlyKeys("s2");
    }

    @Test
    void aResultOlderThanItsDevicesNewestIsDecidedByTheThresholdsAloneAndChangesNothing() {
        RoomDecider lab = new RoomDecider();
        DecisionRule hysteresis = new DecisionRule(0.6, 0.3, 60, 60);
        RoomRule mean = new RoomRule(FusionMethod.MEAN, hysteresis, 120);
        lab.decide("s1", 0, 0.9, 0, hysteresis, mean);
        lab.decide("s2", 0, 0.9, 0, hysteresis, mean);
        lab.decide("s1", 60, 0.1, 0, hysteresis, mean);

        assertThat(lab.decide("s1", 30, 0.2, 0, hysteresis, mean).toString())
                .isEqualTo("device false, room true (score 0.55 of 2)");
        assertThat(lab.decide("s1", 40, 0.5, 0, hysteresis, mean).toString())
                .isEqualTo("device true, room true (score 0.7 of 2)");
        assertThat(lab.votes.get("s1").timestamp).isEqualTo(60);
        assertThat(lab.votes.get("s1").probability).isEqualTo(0.1);
        // s1 has asked to leave since 60 s without a break: the late ones did not break it.
        assertThat(lab.decide("s1", 120, 0.1, 0, hysteresis, mean).deviceOccupancy).isFalse();
    }

    @Test
    void aResultOlderThanTheRoomsNewestLeavesTheRoomsLatchAsItIs() {
        RoomDecider lab = new RoomDecider();
        RoomRule max = new RoomRule(FusionMethod.MAX, new DecisionRule(0.5, 0.5, 0, 60), 120);
        lab.decide("s1", 100, 0.9, 0, HALF, max);
        RoomDecision behind = lab.decide("s2", 50, 0.1, 0, HALF, max);

        assertThat(behind.toString()).isEqualTo("device false, room true (score 0.9 of 2)");
        assertThat(lab.room.latest).isEqualTo(100);
    }

    @Test
    void aDeviceFarAheadOfTheOthersDoesNotVoteAboutATimeItHasLeft() {
        RoomDecider lab = new RoomDecider();
        RoomRule mean = new RoomRule(FusionMethod.MEAN, HALF, 120);
        lab.decide("s2", 5000, 0.9, 0, HALF, mean);
        lab.decide("s1", 1000, 0.2, 0, HALF, mean);

        assertThat(lab.decide("s3", 1010, 0.4, 0, HALF, mean).toString())
                .isEqualTo("device false, room false (score 0.30000000000000004 of 2)");
        assertThat(lab.decide("s2", 5030, 0.8, 0, HALF, mean).toString())
                .isEqualTo("device true, room true (score 0.8 of 1)");
    }

    @Test
    void aResultTheRuleDecidedVotesOneOrZero() {
        assertThat(RoomDecider.probabilityOf(null, true)).isEqualTo(1.0);
        assertThat(RoomDecider.probabilityOf(null, false)).isEqualTo(0.0);
        assertThat(RoomDecider.probabilityOf(0.25, true)).isEqualTo(0.25);
    }

    @Test
    void aRoomWhoseDevicesAreAllQuietLeavesWhateverTheirProbabilities() {
        RoomDecider lab = new RoomDecider();
        RoomRule quiet = new RoomRule(FusionMethod.MEAN, HALF, 200, 180);
        lab.decide("s1", 0, 0.9, 0, HALF, quiet);
        assertThat(lab.decide("s2", 0, 0.9, 0, HALF, quiet).roomOccupancy).isTrue();
        assertThat(lab.decide("s1", 180, 0.9, 180, HALF, quiet).toString())
                .isEqualTo("device true, room true (score 0.9 of 2)");
        assertThat(lab.decide("s2", 180, 0.8, 180, HALF, quiet).toString())
                .isEqualTo("device true, room false (score 0.0 of 2)");
        // A device that has just heard something loud (quiet 0 s) keeps the room's fused value.
        assertThat(lab.decide("s1", 210, 0.9, 0, HALF, quiet).toString())
                .isEqualTo("device true, room true (score 0.8500000000000001 of 2)");
    }
}
