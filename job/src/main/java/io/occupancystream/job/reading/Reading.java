package io.occupancystream.job.reading;

import java.util.Objects;

/**
 * One validated thermostat reading: what the IoT rule forwards from {@code
 * $aws/things/+/shadow/update/accepted}. Instances only come from {@link ReadingJson#parse}, or
 * from code that builds them with values that pass the same checks.
 *
 * <p>A Flink POJO (public fields, no-arg constructor) so that state and network transfer use
 * Flink's POJO serializer. {@code hvacStatus}, {@code roomOccupancy} and {@code room} are optional
 * and may be null; {@code roomOccupancy}, when present, is the label.
 */
public class Reading {
    public String thingName;

    /** Epoch seconds, as the device shadow service stamps updates. */
    public long timestamp;

    /** Degrees Fahrenheit. */
    public double temperature;

    /** A non-negative level on the device's own scale (0-255 on the EduKit device). */
    public double sound;

    public HvacStatus hvacStatus;
    public Boolean roomOccupancy;

    /**
     * The room the device is in, as the reading says (the IoT rule adds it from the thing's
     * registry attributes) or as the job assigned it; null before assignment when the reading names
     * none.
     */
    public String room;

    public Reading() {}

    public Reading(
            String thingName,
            long timestamp,
            double temperature,
            double sound,
            HvacStatus hvacStatus,
            Boolean roomOccupancy) {
        this.thingName = thingName;
        this.timestamp = timestamp;
        this.temperature = temperature;
        this.sound = sound;
        this.hvacStatus = hvacStatus;
        this.roomOccupancy = roomOccupancy;
    }

    /** This reading, in {@code room}. */
    public Reading inRoom(String room) {
        Reading r =
                new Reading(thingName, timestamp, temperature, sound, hvacStatus, roomOccupancy);
        r.room = room;
        return r;
    }

    public long timestampMillis() {
        return timestamp * 1000L;
    }

    public boolean isLabelled() {
        return roomOccupancy != null;
    }

    /** The identity used for de-duplication and for idempotent downstream writes. */
    public String id() {
        return id(thingName, timestamp);
    }

    /** {@code thingName:timestamp}: the id of a reading, and of every record made from it. */
    public static String id(String thingName, long timestamp) {
        return thingName + ":" + timestamp;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Reading)) {
            return false;
        }
        Reading that = (Reading) o;
        return timestamp == that.timestamp
                && Double.compare(temperature, that.temperature) == 0
                && Double.compare(sound, that.sound) == 0
                && Objects.equals(thingName, that.thingName)
                && hvacStatus == that.hvacStatus
                && Objects.equals(roomOccupancy, that.roomOccupancy)
                && Objects.equals(room, that.room);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                thingName, timestamp, temperature, sound, hvacStatus, roomOccupancy, room);
    }

    @Override
    public String toString() {
        return ReadingJson.write(this);
    }
}
