package io.occupancystream.devicesim.simulate;

import io.occupancystream.job.reading.Reading;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Advances all simulated thermostats together, one tick of {@code intervalSeconds} at a time,
 * without end; the caller decides how many ticks to take and where the readings go.
 */
public final class ThermostatSimulator {
    private final SimulationSettings settings;
    private final List<SimulatedThermostat> thermostats = new ArrayList<>();
    private long ticks;

    public ThermostatSimulator(SimulationSettings settings) {
        this.settings = settings;
        for (int device = 1; device <= settings.devices; device++) {
            thermostats.add(
                    new SimulatedThermostat(settings.thingPrefix + device, settings.seed, device));
        }
        thermostats.sort(Comparator.comparing(SimulatedThermostat::thingName));
    }

    /** Seconds of simulated time from the start to the next tick. */
    public long simulatedSecondsElapsed() {
        return ticks * settings.intervalSeconds;
    }

    /** One reading per thermostat, all with the next tick's timestamp, in thingName order. */
    public List<Reading> nextTick() {
        long timestamp = settings.start.getEpochSecond() + simulatedSecondsElapsed();
        ZonedDateTime local =
                settings.start.plusSeconds(simulatedSecondsElapsed()).atZone(settings.zone);
        int secondOfDay = local.toLocalTime().toSecondOfDay();
        List<Reading> readings = new ArrayList<>(thermostats.size());
        for (SimulatedThermostat thermostat : thermostats) {
            readings.add(
                    thermostat.read(
                            timestamp, local.toLocalDate(), secondOfDay, settings.intervalSeconds));
        }
        ticks++;
        return readings;
    }

    /** The microphone gain of each thermostat, in thingName order. */
    List<Double> microphoneGains() {
        List<Double> gains = new ArrayList<>();
        for (SimulatedThermostat thermostat : thermostats) {
            gains.add(thermostat.microphoneGain());
        }
        return gains;
    }
}
