package io.occupancystream.model.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatchTest {
    @Test
    void aPlainThresholdDecidesEachProbabilityOnItsOwn() {
        DecisionRule rule = DecisionRule.threshold(0.5);
        Latch latch = new Latch();
        assertThat(latch.update(rule, 0.49, 0)).isFalse();
        assertThat(latch.update(rule, 0.5, 1)).isTrue();
        assertThat(latch.update(rule, 0.49, 2)).isFalse();
    }

    @Test
    void betweenLeaveAndEnterTheDecisionStaysAsItWas() {
        DecisionRule rule = new DecisionRule(0.7, 0.3, 0, 0);
        Latch latch = new Latch();
        assertThat(latch.update(rule, 0.5, 0)).isFalse();
        assertThat(latch.update(rule, 0.7, 1)).isTrue();
        assertThat(latch.update(rule, 0.31, 2)).isTrue();
        assertThat(latch.update(rule, 0.29, 3)).isFalse();
        assertThat(latch.update(rule, 0.69, 4)).isFalse();
    }

    @Test
    void aChangeWaitsUntilItHasBeenAskedForWithoutABreakForItsWait() {
        DecisionRule rule = new DecisionRule(0.5, 0.5, 60, 120);
        Latch latch = new Latch();
        assertThat(latch.update(rule, 0.1, 1000)).isFalse();
        assertThat(latch.update(rule, 0.9, 1030)).isFalse();
        assertThat(latch.update(rule, 0.9, 1089)).isFalse();
        assertThat(latch.update(rule, 0.9, 1090)).isTrue();
        assertThat(latch.update(rule, 0.1, 1100)).isTrue();
        assertThat(latch.update(rule, 0.1, 1219)).isTrue();
        assertThat(latch.update(rule, 0.1, 1220)).isFalse();
    }

    @Test
    void oneReadingOfTheCurrentStateStartsTheWaitAgain() {
        DecisionRule rule = new DecisionRule(0.5, 0.5, 60, 0);
        Latch latch = new Latch();
        latch.update(rule, 0.1, 0);
        assertThat(latch.update(rule, 0.9, 30)).isFalse();
        assertThat(latch.update(rule, 0.1, 60)).isFalse();
        assertThat(latch.update(rule, 0.9, 90)).isFalse();
        assertThat(latch.update(rule, 0.9, 149)).isFalse();
        assertThat(latch.update(rule, 0.9, 150)).isTrue();
        assertThat(latch.update(rule, 0.1, 151)).isFalse();
    }

    @Test
    void aReadingFromBeforeTheLastChangeCannotChangeTheDecision() {
        DecisionRule rule = DecisionRule.threshold(0.5);
        Latch latch = new Latch();
        latch.update(rule, 0.9, 100);
        assertThat(latch.update(rule, 0.1, 99)).isTrue();
        assertThat(latch.update(rule, 0.1, 100)).isFalse();
    }

    @Test
    void refusesALeaveAboveEnter() {
        assertThatThrownBy(() -> new DecisionRule(0.3, 0.7, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= leave <= enter <= 1");
    }
}
