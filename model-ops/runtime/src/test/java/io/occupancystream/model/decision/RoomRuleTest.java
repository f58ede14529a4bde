package io.occupancystream.model.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoomRuleTest {
    private static final List<Vote> VOTES =
            List.of(new Vote(100, 0.9, true), new Vote(95, 0.2, false), new Vote(90, 0.4, false));

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
}
