package io.occupancystream.devicesim.chaos;

import io.occupancystream.devicesim.simulate.SimulationSettings;
import io.occupancystream.devicesim.simulate.ThermostatSimulator;
import io.occupancystream.job.reading.Reading;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The input of every scenario but fuzzing: simulated thermostats (seeded, one reading each every
 * {@value #INTERVAL_SECONDS} simulated seconds) with a one-line bad record at the first tick's end
 * after each {@code badEvery} readings, so that dead letters are checked too. Simulated, not
 * recorded data.
 */
final class SeededInput {
    static final int INTERVAL_SECONDS = 20;

    private final ThermostatSimulator simulator;
    private final FuzzRecords bad;
    private final int badEvery;
    private final Deque<Reading> tick = new ArrayDeque<>();
    private long readingsSinceBad;

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
        // Between ticks, so that each device's readings stay evenly spaced.
        if (badEvery > 0 && readingsSinceBad >= badEvery && tick.isEmpty()) {
            readingsSinceBad = 0;
            return bad.nextOneLine();
        }
        if (tick.isEmpty()) {
            tick.addAll(simulator.nextTick());
        }
        Reading reading = tick.poll();
        readingsSinceBad++;
        return ChaosRecord.reading(reading);
    }
}
