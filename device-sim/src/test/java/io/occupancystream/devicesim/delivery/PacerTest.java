package io.occupancystream.devicesim.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private long nowNanos = 5_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private Pacer pacer(double speed) {
        return new Pacer(
                speed,
                () -> nowNanos,
                nanos -> {
                    sleeps.add(nanos);
                    nowNanos += nanos;
                });
    }

    @Test
    void realTimeWaitsOneSecondPerSimulatedSecond() throws InterruptedException {
        Pacer pacer = pacer(1);
        pacer.start();

        pacer.awaitSimulatedSecond(0);
        pacer.awaitSimulatedSecond(1);
        pacer.awaitSimulatedSecond(2);

        assertThat(sleeps).containsExactly(1_000_000_000L, 1_000_000_000L);
    }

    @Test
    void speedDividesTheWait() throws InterruptedException {
        Pacer pacer = pacer(4);
        pacer.start();

        pacer.awaitSimulatedSecond(1);
        pacer.awaitSimulatedSecond(10);

        assertThat(sleeps).containsExactly(250_000_000L, 2_250_000_000L);
    }

    @Test
    void slowerThanRealTimeStretchesTheWait() throws InterruptedException {
        Pacer pacer = pacer(0.5);
        pacer.start();

        pacer.awaitSimulatedSecond(3);

        assertThat(sleeps).containsExactly(6_000_000_000L);
    }

    @Test
    void timeSpentWorkingIsTakenOffTheWait() throws InterruptedException {
        Pacer pacer = pacer(1);
        pacer.start();
        nowNanos += 300_000_000L;

        pacer.awaitSimulatedSecond(1);

        assertThat(sleeps).containsExactly(700_000_000L);
    }

    @Test
    void aLateTickDoesNotWait() throws InterruptedException {
        Pacer pacer = pacer(1);
        pacer.start();
        nowNanos += 2_500_000_000L;

        pacer.awaitSimulatedSecond(1);
        pacer.awaitSimulatedSecond(2);
        pacer.awaitSimulatedSecond(3);

        assertThat(sleeps).containsExactly(500_000_000L);
    }

    @Test
    void speedZeroNeverWaits() throws InterruptedException {
        Pacer pacer = pacer(0);
        pacer.start();

        pacer.awaitSimulatedSecond(1);
        pacer.awaitSimulatedSecond(3600);

        assertThat(pacer.isPaced()).isFalse();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void rejectsNegativeAndNonFiniteSpeeds() {
        assertThatThrownBy(() -> pacer(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pacer(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pacer(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
