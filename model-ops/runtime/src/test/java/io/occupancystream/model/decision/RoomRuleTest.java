package io.occupancystream.model.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoomRuleTest {
    private static final List<Vote> VOTES =
            List.of(
                    new Vote(100, 0.9, true, 0),
                    new Vote(95, 0.2, false, 180),
                    new Vote(90, 0.4, false, 900));

    @Test
    void meanMaxAndVoteOfTheFreshDevices() {
        DecisionRule rule = DecisionRule.threshold(0.5);
        assertThat(new RoomRule(FusionMethod.MEAN, rule, 60).fuse(VOTES, 100)).isEqualTo(0.5);
        assertThat(new RoomRule(FusionMethod.MAX, rule, 60).fuse(VOTES, 100)).isEqualTo(0.9);
        assertThat(new RoomRule(FusionMethod.VOTE, rule, 60).fuse(VOTES, 100)).isEqualTo(1 / 3.0);
    }

    @Test
    void aDeviceThatWentQuietNoLongerVotes() {
        RoomRule rule = new RoomRule(FusionMethod.MEAN, DecisionRule.threshold(0.5), 5);
        assertThat(rule.fuse(VOTES, 100)).isEqualTo((0.9 + 0.2) / 2);
        assertThat(rule.fuse(VOTES, 106)).isNaN();
    }

    @Test
    void aRoomWhoseFreshDevicesHaveAllBeenQuietLongEnoughScoresZero() {
        DecisionRule rule = DecisionRule.threshold(0.5);
        List<Vote> quiet = List.of(new Vote(100, 0.9, true, 180), new Vote(95, 0.8, true, 300));
        assertThat(new RoomRule(FusionMethod.MEAN, rule, 60, 180).fuse(quiet, 100)).isZero();
        assertThat(new RoomRule(FusionMethod.MAX, rule, 60, 180).fuse(quiet, 100)).isZero();
        assertThat(new RoomRule(FusionMethod.VOTE, rule, 60, 180).fuse(quiet, 100)).isZero();
        // One device quiet for less than the span keeps the fused value.
        assertThat(new RoomRule(FusionMethod.MEAN, rule, 60, 300).fuse(quiet, 100))
                .isEqualTo((0.9 + 0.8) / 2);
        // Without a span (0), quiet devices fuse as any others.
        assertThat(new RoomRule(FusionMethod.MAX, rule, 60).fuse(quiet, 100)).isEqualTo(0.9);
    }

    @Test
    void onlyTheFreshDevicesNeedBeQuiet() {
        RoomRule rule = new RoomRule(FusionMethod.MEAN, DecisionRule.threshold(0.5), 9, 180);
        // Fresh at 100: the votes of 100 (quiet 0 s) and 95 (quiet 180 s); 90 is stale.
        assertThat(rule.fuse(VOTES, 100)).isEqualTo((0.9 + 0.2) / 2);
        // Fresh at 99: 95 (quiet 180 s) and 90 (quiet 900 s); the loud one of 100 is not there.
        assertThat(rule.fuse(VOTES.subList(1, 3), 99)).isZero();
    }

    @Test
    void aRoomWithOneFreshDeviceDecidesAsThatDevice() {
        RoomRule rule = new RoomRule(FusionMethod.MEAN, DecisionRule.threshold(0.5), 5, 90);
        assertThat(rule.fuse(List.of(new Vote(100, 0.7, true, 900)), 100)).isEqualTo(0.7);
        // 90 is stale at 100, so the quiet 95 is the one fresh device.
        assertThat(rule.fuse(VOTES.subList(1, 3), 100)).isEqualTo(0.2);
    }

    @Test
    void describesItsQuietSpan() {
        DecisionRule rule = DecisionRule.threshold(0.5);
        assertThat(new RoomRule(FusionMethod.MEAN, rule, 130, 90).toString())
                .isEqualTo(
                        "MEAN of devices fresh within 130 s, 0 once all (two or more) have been"
                                + " quiet 90 s, then "
                                + rule);
        assertThat(new RoomRule(FusionMethod.MEAN, rule, 130).toString())
                .isEqualTo("MEAN of devices fresh within 130 s, then " + rule);
        assertThat(new RoomRule(FusionMethod.MAX, rule, 0, 90).orFreshness(60).toString())
                .isEqualTo(
                        "MAX of devices fresh within 60 s, 0 once all (two or more) have been quiet"
                                + " 90 s, then "
                                + rule);
    }
}
