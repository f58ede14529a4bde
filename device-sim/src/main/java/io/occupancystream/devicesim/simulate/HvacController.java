package io.occupancystream.devicesim.simulate;

import io.occupancystream.job.reading.HvacStatus;

/**
 * The EduKit tutorial's IoT Events thermostat logic: heat below 60 F when the room is empty or 68 F
 * when occupied, cool above 80 F empty or 72 F occupied, and keep heating or cooling until the
 * temperature is {@value #HYSTERESIS_F} F past the threshold.
 */
public final class HvacController {
    static final double HEAT_BELOW_EMPTY_F = 60.0;
    static final double HEAT_BELOW_OCCUPIED_F = 68.0;
    static final double COOL_ABOVE_EMPTY_F = 80.0;
    static final double COOL_ABOVE_OCCUPIED_F = 72.0;
    static final double HYSTERESIS_F = 2.0;

    private HvacStatus status;

    public HvacController(HvacStatus initial) {
        this.status = initial;
    }

    public HvacStatus status() {
        return status;
    }

    /** Decides the status for the current temperature and occupancy, and keeps it. */
    public HvacStatus update(double temperatureF, boolean occupied) {
        double heatBelow = occupied ? HEAT_BELOW_OCCUPIED_F : HEAT_BELOW_EMPTY_F;
        double coolAbove = occupied ? COOL_ABOVE_OCCUPIED_F : COOL_ABOVE_EMPTY_F;
        switch (status) {
            case HEATING:
                if (temperatureF >= heatBelow + HYSTERESIS_F) {
                    status = HvacStatus.STANDBY;
                }
                break;
            case COOLING:
                if (temperatureF <= coolAbove - HYSTERESIS_F) {
                    status = HvacStatus.STANDBY;
                }
                break;
            default:
                if (temperatureF < heatBelow) {
                    status = HvacStatus.HEATING;
                } else if (temperatureF > coolAbove) {
                    status = HvacStatus.COOLING;
                }
        }
        return status;
    }
}
