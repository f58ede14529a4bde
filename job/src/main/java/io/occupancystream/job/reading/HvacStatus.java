package io.occupancystream.job.reading;

/** The thermostat's HVAC state as the EduKit device reports it in its shadow. */
public enum HvacStatus {
    HEATING,
    COOLING,
    STANDBY
}
