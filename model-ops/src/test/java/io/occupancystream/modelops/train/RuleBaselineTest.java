package io.occupancystream.modelops.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleBaselineTest {
    @Test
    void thresholdFallsHalfWayBelowTheBestCutSoThatStrictlyAboveMatchesIt() {
        double[] sound = {1, 2, 12, 15, 30};
        boolean[] actual = {false, false, true, true, true};

        double threshold = RuleBaseline.bestThreshold(sound, actual);

        assertThat(threshold).isEqualTo(7.0);
        assertThat(RuleBaseline.decisions(sound, threshold)).containsExactly(0, 0, 1, 1, 1);
    }
}
