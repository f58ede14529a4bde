package io.occupancystream.devicesim.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.Reading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThermostatSimulatorTest {
    private static final int WEEK_SECONDS = 7 * 24 * 3600;

    @Test
    void emitsOneReadingPerThermostatPerTickInThingNameOrder() {
        ThermostatSimulator simulator =
                new ThermostatSimulator(SimulationSettings.defaults().withDevices(11));

        List<Reading> first = simulator.nextTick();
        List<Reading> second = simulator.nextTick();

        assertThat(first)
                .extracting(r -> r.thingName)
                .containsExactly(
                        "sim-1", "sim-10", "sim-11", "sim-2", "sim-3", "sim-4", "sim-5", "sim-6",
                        "sim-7", "sim-8", "sim-9");
        assertThat(first).extracting(r -> r.timestamp).containsOnly(1704672000L);
        assertThat(second).extracting(r -> r.timestamp).containsOnly(1704672001L);
        assertThat(simulator.simulatedSecondsElapsed()).isEqualTo(2);
    }

    @Test
    void addingThermostatsDoesNotChangeTheOthers() {
        ThermostatSimulator four = new ThermostatSimulator(SimulationSettings.defaults());
        ThermostatSimulator six =
                new ThermostatSimulator(SimulationSettings.defaults().withDevices(6));

        for (int tick = 0; tick < 600; tick++) {
            List<Reading> fromSix = six.nextTick();
            assertThat(fromSix.subList(0, 4)).isEqualTo(four.nextTick());
        }
    }

    @Test
    void temperatureStaysPlausibleAndTheHvacIsUsedOverAWeek() {
        ThermostatSimulator simulator =
                new ThermostatSimulator(SimulationSettings.defaults().withDevices(8));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        Set<HvacStatus> statuses = EnumSet.noneOf(HvacStatus.class);
        while (simulator.simulatedSecondsElapsed() < WEEK_SECONDS) {
            for (Reading reading : simulator.nextTick()) {
                min = Math.min(min, reading.temperature);
                max = Math.max(max, reading.temperature);
                statuses.add(reading.hvacStatus);
            }
        }

        assertThat(min).isGreaterThanOrEqualTo(50.0);
        assertThat(max).isLessThanOrEqualTo(90.0);
        assertThat(statuses).containsExactlyInAnyOrder(HvacStatus.values());
    }

    @Test
    void soundIsAWholeNumberFrom0To255AndLouderWhenOccupiedOnEveryDevice() {
        ThermostatSimulator simulator = new ThermostatSimulator(SimulationSettings.defaults());
        Map<String, List<Double>> occupied = new HashMap<>();
        Map<String, List<Double>> empty = new HashMap<>();
        // Monday and Tuesday.
        while (simulator.simulatedSecondsElapsed() < 2 * 24 * 3600) {
            for (Reading reading : simulator.nextTick()) {
                assertThat(reading.sound).isBetween(0.0, 255.0);
                assertThat(reading.sound).isEqualTo(Math.rint(reading.sound));
                (reading.roomOccupancy ? occupied : empty)
                        .computeIfAbsent(reading.thingName, k -> new ArrayList<>())
                        .add(reading.sound);
            }
        }

        assertThat(occupied).containsOnlyKeys("sim-1", "sim-2", "sim-3", "sim-4");
        for (String thing : occupied.keySet()) {
            assertThat(median(occupied.get(thing)))
                    .as(thing)
                    .isGreaterThanOrEqualTo(2 * median(empty.get(thing)) + 3);
        }
    }

    @Test
    void microphonesDifferInGain() {
        List<Double> gains =
                new ThermostatSimulator(SimulationSettings.defaults().withDevices(20))
                        .microphoneGains();

        assertThat(gains).allSatisfy(g -> assertThat(g).isBetween(0.6, 1.6));
        assertThat(Collections.max(gains) - Collections.min(gains)).isGreaterThan(0.5);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
