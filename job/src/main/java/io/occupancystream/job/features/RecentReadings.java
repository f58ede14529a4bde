package io.occupancystream.job.features;

import io.occupancystream.job.reading.Reading;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A reading seen together with its device's recent past: the statistics that the rolling {@link
 * Feature}s read. "The last 5 minutes" means timestamps in (t - 300 s, t], the reading itself
 * included; samples after the reading's own timestamp are ignored.
 */
public final class RecentReadings {
    public static final long SHORT_SECONDS = 5 * 60;
    public static final long LONG_SECONDS = 15 * 60;

    private final Reading reading;
    private final ZonedDateTime localTime;
    private double soundMean5m;
    private double soundMax5m;
    private double soundStd5m;
    private double soundMin15m;
    private double temperatureChange15m;

    /**
     * @param history samples of the same device in any order; the reading itself may or may not be
     *     among them
     */
    public RecentReadings(Reading reading, List<Sample> history, ZoneId zone) {
        this.reading = reading;
        this.localTime = Instant.ofEpochSecond(reading.timestamp).atZone(zone);
        summarise(history);
    }

    private void summarise(List<Sample> history) {
        long t = reading.timestamp;
        double sum = reading.sound;
        double sumSquares = reading.sound * reading.sound;
        int n = 1;
        soundMax5m = reading.sound;
        soundMin15m = reading.sound;
        long oldestTimestamp = t;
        double oldestTemperature = reading.temperature;
        for (Sample s : history) {
            if (s.timestamp >= t || s.timestamp <= t - LONG_SECONDS) {
                continue; // the reading itself is counted above; newer ones are its future
            }
            soundMin15m = Math.min(soundMin15m, s.sound);
            if (s.timestamp < oldestTimestamp) {
                oldestTimestamp = s.timestamp;
                oldestTemperature = s.temperature;
            }
            if (s.timestamp > t - SHORT_SECONDS) {
                sum += s.sound;
                sumSquares += s.sound * s.sound;
                soundMax5m = Math.max(soundMax5m, s.sound);
                n++;
            }
        }
        soundMean5m = sum / n;
        soundStd5m = Math.sqrt(Math.max(0.0, sumSquares / n - soundMean5m * soundMean5m));
        temperatureChange15m = reading.temperature - oldestTemperature;
    }

    public Reading reading() {
        return reading;
    }

    public ZonedDateTime localTime() {
        return localTime;
    }

    public double soundMean5m() {
        return soundMean5m;
    }

    public double soundMax5m() {
        return soundMax5m;
    }

    public double soundStd5m() {
        return soundStd5m;
    }

    public double soundMin15m() {
        return soundMin15m;
    }

    public double temperatureChange15m() {
        return temperatureChange15m;
    }
}
