package io.occupancystream.devicesim.simulate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/** What a simulation is made from; the same settings give the same readings. */
public final class SimulationSettings {
    /** A Monday, so that the default output starts with a working week. */
    public static final Instant DEFAULT_START = Instant.parse("2024-01-08T00:00:00Z");

    private static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

    final int devices;
    final long seed;
    final Instant start;
    final int intervalSeconds;
    final ZoneId zone;
    final String thingPrefix;

    public SimulationSettings(
            int devices,
            long seed,
            Instant start,
            int intervalSeconds,
            ZoneId zone,
            String thingPrefix) {
        if (devices < 1) {
            throw new IllegalArgumentException("devices must be at least 1, got " + devices);
        }
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException(
                    "interval must be at least 1 second, got " + intervalSeconds);
        }
        if (start.getEpochSecond() <= 0) {
            throw new IllegalArgumentException("start must be after 1970-01-01T00:00:00Z");
        }
        if (!THING_NAME.matcher(thingPrefix + devices).matches()) {
            throw new IllegalArgumentException(
                    "thing prefix '"
                            + thingPrefix
                            + "' must make names of up to 128 characters of a-z A-Z 0-9 : _ -");
        }
        this.devices = devices;
        this.seed = seed;
        this.start = Objects.requireNonNull(start);
        this.intervalSeconds = intervalSeconds;
        this.zone = Objects.requireNonNull(zone);
        this.thingPrefix = thingPrefix;
    }

    /** The defaults of {@code device-sim simulate}. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(4, 1, DEFAULT_START, 1, ZoneId.of("UTC"), "sim-");
    }

    public SimulationSettings withDevices(int devices) {
        return new SimulationSettings(devices, seed, start, intervalSeconds, zone, thingPrefix);
    }
}
