package io.occupancystream.job.features;

import io.occupancystream.job.reading.Reading;
import java.util.List;

/**
 * A reading seen together with its device's recent past and quiet floor: the statistics that the
 * rolling {@link Feature}s read. "The last 5 minutes" means timestamps in (t - 300 s, t], the
 * reading itself included; samples after the reading's own timestamp are ignored.
 */
public final class RecentReadings {
    public static final long SHORT_SECONDS = 5 * 60;
    public static final long LONG_SECONDS = 15 * 60;

    /** A reading is loud when its sound is more than this many times the device's quiet floor. */
    public static final double LOUD_FACTOR = 2;

    /** The windows of {@link #loudShare} and {@link #soundMean}, in seconds. */
    static final long[] WINDOWS = {90, 3 * 60, SHORT_SECONDS, LONG_SECONDS};

    private final Reading reading;
    private final double floor;
    private final int[] count = new int[WINDOWS.length];
    private final int[] loud = new int[WINDOWS.length];
    private final double[] soundSum = new double[WINDOWS.length];
    private final double[] soundMax = new double[WINDOWS.length];
    private double soundStd5m;
    private double soundMin15m;
    private double temperatureChange15m;

    /**
     * @param history samples of the same device in any order; the reading itself may or may not be
     *     among them
     * @param floor the device's quiet floor at the reading ({@link QuietFloor})
     */
    public RecentReadings(Reading reading, List<Sample> history, double floor) {
        this.reading = reading;
        this.floor = floor;
        summarise(history);
    }

    private void summarise(List<Sample> history) {
        long t = reading.timestamp;
        double sumSquares5m = 0;
        soundMin15m = reading.sound;
        long oldestTimestamp = t;
        double oldestTemperature = reading.temperature;
        sumSquares5m += take(0, reading.sound);
        for (Sample s : history) {
            if (s.timestamp >= t || s.timestamp <= t - LONG_SECONDS) {
                continue; // the reading itself is counted above; newer ones are its future
            }
            soundMin15m = Math.min(soundMin15m, s.sound);
            if (s.timestamp < oldestTimestamp) {
                oldestTimestamp = s.timestamp;
                oldestTemperature = s.temperature;
            }
            sumSquares5m += take(t - s.timestamp, s.sound);
        }
        int w5 = window(SHORT_SECONDS);
        double mean5m = soundSum[w5] / count[w5];
        soundStd5m = Math.sqrt(Math.max(0.0, sumSquares5m / count[w5] - mean5m * mean5m));
        temperatureChange15m = reading.temperature - oldestTemperature;
    }

    /**
     * Counts a sound {@code age} seconds old in each window it falls in; its square if in 5 min.
     */
    private double take(long age, double sound) {
        boolean isLoud = sound > LOUD_FACTOR * floor;
        for (int w = 0; w < WINDOWS.length; w++) {
            if (age < WINDOWS[w]) {
                soundMax[w] = count[w] == 0 ? sound : Math.max(soundMax[w], sound);
                count[w]++;
                loud[w] += isLoud ? 1 : 0;
                soundSum[w] += sound;
            }
        }
        return age < SHORT_SECONDS ? sound * sound : 0;
    }

    private static int window(long seconds) {
        for (int w = 0; w < WINDOWS.length; w++) {
            if (WINDOWS[w] == seconds) {
                return w;
            }
        }
        throw new IllegalArgumentException("no window of " + seconds + " s");
    }

    public Reading reading() {
        return reading;
    }

    /** The device's quiet floor at the reading. */
    public double floor() {
        return floor;
    }

    /**
     * The share of the readings in the last {@code seconds} that are loud ({@link #LOUD_FACTOR}).
     */
    public double loudShare(long seconds) {
        int w = window(seconds);
        return loud[w] / (double) count[w];
    }

    public double soundMean(long seconds) {
        int w = window(seconds);
        return soundSum[w] / count[w];
    }

    public double soundMax(long seconds) {
        return soundMax[window(seconds)];
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
