package io.occupancystream.devicesim.chaos;

import io.occupancystream.devicesim.simulate.SimulationSettings;
import io.occupancystream.devicesim.simulate.ThermostatSimulator;
import io.occupancystream.job.reading.Reading;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input of every scenario but fuzzing: simulated thermostats (seeded, one reading each every
 * {@value #INTERVAL_SECONDS} simulated seconds) with a one-line bad record after every {@code
 * badEvery} readings, so that dead letters are checked too. Simulated, not recorded data.
 */
final class SeededInput {
    static final int INTERVAL_SECONDS = 20;

    /** Far enough past the last reading to close its training window and release it. */
    private static final long CLOSER_SECONDS = 6 * 3600;

    private final ThermostatSimulator simulator;
    private final FuzzRecords bad;
    private final int badEvery;
    private final Deque<Reading> tick = new ArrayDeque<>();
    private final Map<String, Long> lastTimestamp = new LinkedHashMap<>();
    private long readings;

    SeededInput(long seed, int devices, int badEvery) {
        SimulationSettings settings =
                new SimulationSettings(
                        devices,
                        seed,
                        SimulationSettings.DEFAULT_START,
                        INTERVAL_SECONDS,
                        ZoneId.of("UTC"),
                        "sim-");
        this.simulator = new ThermostatSimulator(settings);
        this.bad = new FuzzRecords(seed, SimulationSettings.DEFAULT_START.getEpochSecond(), 0);
        this.badEvery = badEvery;
    }

    ChaosRecord next() {
        if (badEvery > 0 && readings > 0 && readings % badEvery == 0 && tick.isEmpty()) {
            readings++;
            return bad.nextOneLine();
        }
        if (tick.isEmpty()) {
            tick.addAll(simulator.nextTick());
        }
        Reading reading = tick.poll();
        readings++;
        lastTimestamp.put(reading.thingName, reading.timestamp);
        return ChaosRecord.reading(reading);
    }

    /**
     * One unlabelled reading per thermostat, far later than any so far: it moves event time past
     * every reading put, which the job scores and windows in event-time order. The closers
     * themselves wait for a later reading, so no result is expected for them.
     */
    List<ChaosRecord> closers() {
        // One timestamp for all: a later closer would release an earlier one.
        long at = lastTimestamp.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<ChaosRecord> closers = new ArrayList<>();
        for (String thing : lastTimestamp.keySet()) {
            closers.add(
                    ChaosRecord.closer(new Reading(thing, at + CLOSER_SECONDS, 70, 1, null, null)));
        }
        return closers;
    }
}
