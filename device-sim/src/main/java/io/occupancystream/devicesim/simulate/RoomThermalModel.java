package io.occupancystream.devicesim.simulate;

import io.occupancystream.job.reading.HvacStatus;
import java.util.Random;

/**
 * A room's air temperature in F: drifts toward the outside temperature, which follows a daily sine,
 * and is pushed up by heating, people and afternoon sun and down by cooling. Each room draws its
 * own insulation, HVAC power and sun exposure from the random source it is built with.
 */
public final class RoomThermalModel {
    static final double OUTSIDE_MEAN_F = 52.0;
    static final double OUTSIDE_AMPLITUDE_F = 12.0;
    private static final int WARMEST_SECOND_OF_DAY = 15 * 3600;
    private static final int NOON = 12 * 3600 + 1800;
    private static final double SECONDS_PER_DAY = 24 * 3600;
    private static final double SECONDS_PER_MINUTE = 60.0;

    private final double timeConstantSeconds;
    private final double heatingFPerMinute;
    private final double coolingFPerMinute;
    private final double peopleFPerMinute;
    private final double sunFPerMinute;
    private double temperatureF;

    public RoomThermalModel(Random random) {
        this.timeConstantSeconds = (3 + 3 * random.nextDouble()) * 3600;
        this.heatingFPerMinute = 0.20 + 0.15 * random.nextDouble();
        this.coolingFPerMinute = 0.15 + 0.15 * random.nextDouble();
        this.peopleFPerMinute = 0.02 + 0.02 * random.nextDouble();
        this.sunFPerMinute = 0.08 * random.nextDouble();
        this.temperatureF = 64 + 6 * random.nextDouble();
    }

    public double temperatureF() {
        return temperatureF;
    }

    static double outsideTemperatureF(int secondOfDay) {
        double phase = 2 * Math.PI * (secondOfDay - WARMEST_SECOND_OF_DAY) / SECONDS_PER_DAY;
        return OUTSIDE_MEAN_F + OUTSIDE_AMPLITUDE_F * Math.cos(phase);
    }

    /** Moves the temperature {@code seconds} ahead from {@code secondOfDay}. */
    public void advance(int seconds, HvacStatus hvac, boolean occupied, int secondOfDay) {
        double perMinute = 0;
        if (hvac == HvacStatus.HEATING) {
            perMinute += heatingFPerMinute;
        } else if (hvac == HvacStatus.COOLING) {
            perMinute -= coolingFPerMinute;
        }
        if (occupied) {
            perMinute += peopleFPerMinute;
        }
        perMinute += sunFPerMinute * sunshine(secondOfDay);
        double drift = (outsideTemperatureF(secondOfDay) - temperatureF) / timeConstantSeconds;
        temperatureF += seconds * (drift + perMinute / SECONDS_PER_MINUTE);
    }

    /** 0 at night, rising to 1 at midday: a half sine between 06:30 and 18:30. */
    private static double sunshine(int secondOfDay) {
        double fromNoon = (secondOfDay - NOON) / (SECONDS_PER_DAY / 2);
        return Math.abs(fromNoon) >= 0.5 ? 0 : Math.cos(Math.PI * fromNoon);
    }
}
