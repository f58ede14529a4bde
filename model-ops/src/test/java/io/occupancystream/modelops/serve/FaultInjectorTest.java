package io.occupancystream.modelops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.occupancystream.modelops.serve.FaultInjector.Fault;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FaultInjectorTest {
    private static final int DRAWS = 1_000;

    @Test
    void noneAnswersEveryInvocationAtOnce() {
        FaultInjector none = FaultInjector.none();

        assertThat(draws(none)).containsOnly(Fault.NONE);
        assertThat(none.latencyMillis()).isZero();
        assertThat(none).hasToString("no faults");
    }

    static Stream<Arguments> certainFaults() {
        return Stream.of(
                arguments(FaultInjector.none().withThrottleRate(1), List.of(Fault.THROTTLE)),
                arguments(FaultInjector.none().withHangRate(1), List.of(Fault.HANG)),
                arguments(
                        FaultInjector.none().withErrorRate(1),
                        List.of(Fault.INTERNAL_FAILURE, Fault.SERVICE_UNAVAILABLE)));
    }

    @ParameterizedTest
    @MethodSource("certainFaults")
    void aRateOfOneFaultsEveryInvocation(FaultInjector faults, List<Fault> expected) {
        assertThat(draws(faults)).containsOnlyElementsOf(expected).containsAll(expected);
    }

    @Test
    void theSameSeedGivesTheSameFaults() {
        Supplier<FaultInjector> faults =
                () ->
                        FaultInjector.none()
                                .withErrorRate(0.3)
                                .withThrottleRate(0.2)
                                .withHangRate(0.1)
                                .withSeed(7);

        assertThat(draws(faults.get())).isEqualTo(draws(faults.get()));
        assertThat(draws(faults.get())).isNotEqualTo(draws(faults.get().withSeed(8)));
    }

    @Test
    void ratesAreFractionsOfInvocations() {
        FaultInjector faults =
                FaultInjector.none().withErrorRate(0.3).withThrottleRate(0.2).withHangRate(0.1);
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        draws(faults).forEach(fault -> counts.merge(fault, 1, Integer::sum));

        assertThat(counts.get(Fault.HANG)).isBetween(70, 130);
        assertThat(counts.get(Fault.THROTTLE)).isBetween(160, 240);
        assertThat(counts.get(Fault.INTERNAL_FAILURE) + counts.get(Fault.SERVICE_UNAVAILABLE))
                .isBetween(250, 350);
        assertThat(counts.get(Fault.NONE)).isBetween(350, 450);
    }

    @Test
    void describesItself() {
        assertThat(FaultInjector.none().withLatencyMillis(200).withErrorRate(0.5).withSeed(3))
                .hasToString(
                        "latency 200 ms, error rate 0.5, throttle rate 0.0, hang rate 0.0, seed 3");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments(
                        (Supplier<FaultInjector>) () -> FaultInjector.none().withLatencyMillis(-1),
                        "latency must be >= 0 ms, not -1"),
                arguments(
                        (Supplier<FaultInjector>) () -> FaultInjector.none().withErrorRate(-0.1),
                        "error rate must be in [0, 1], not -0.1"),
                arguments(
                        (Supplier<FaultInjector>) () -> FaultInjector.none().withThrottleRate(1.5),
                        "throttle rate must be in [0, 1], not 1.5"),
                arguments(
                        (Supplier<FaultInjector>)
                                () -> FaultInjector.none().withHangRate(Double.NaN),
                        "hang rate must be in [0, 1], not NaN"),
                arguments(
                        (Supplier<FaultInjector>)
                                () -> FaultInjector.none().withErrorRate(0.6).withHangRate(0.5),
                        "error, throttle and hang rates add up to more than 1: 0.6 + 0.0 + 0.5"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsImpossibleSettings(Supplier<FaultInjector> faults, String message) {
        assertThatThrownBy(faults::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static List<Fault> draws(FaultInjector faults) {
        List<Fault> draws = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            draws.add(faults.next());
        }
        return draws;
    }
}
