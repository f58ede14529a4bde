package io.occupancystream.devicesim.simulate;

import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.Reading;
import java.time.LocalDate;
import java.util.Random;

/** One simulated EduKit thermostat and the room it is in. */
final class SimulatedThermostat {
    private static final double SENSOR_NOISE_F = 0.05;

    private final String thingName;
    private final OccupancySchedule schedule;
    private final RoomThermalModel room;
    private final HvacController hvac;
    private final SoundModel sound;
    private final Random sensorNoise;

    SimulatedThermostat(String thingName, long seed, int device) {
        this.thingName = thingName;
        this.schedule = new OccupancySchedule(Seeds.derive(seed, device, 1));
        this.room = new RoomThermalModel(new Random(Seeds.derive(seed, device, 2)));
        this.sound = new SoundModel(new Random(Seeds.derive(seed, device, 3)));
        this.sensorNoise = new Random(Seeds.derive(seed, device, 4));
        this.hvac = new HvacController(HvacStatus.STANDBY);
    }

    String thingName() {
        return thingName;
    }

    double microphoneGain() {
        return sound.gain();
    }

    /** Reads the sensors at {@code timestamp}, then lets the room run on to the next reading. */
    Reading read(long timestamp, LocalDate day, int secondOfDay, int secondsToNext) {
        boolean occupied = schedule.isOccupied(day, secondOfDay);
        double temperature =
                hundredths(room.temperatureF() + SENSOR_NOISE_F * sensorNoise.nextGaussian());
        HvacStatus status = hvac.update(temperature, occupied);
        double level = sound.next(occupied, secondsToNext);
        room.advance(secondsToNext, status, occupied, secondOfDay);
        return new Reading(thingName, timestamp, temperature, level, status, occupied);
    }

    private static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
