package io.occupancystream.job.features;

import io.occupancystream.job.reading.Reading;
import java.util.List;

/**
 * A reading seen together with its device's recent past and quiet floor: the statistics that the
 * rolling {@link Feature}s read. "The last 5 minutes" means timestamps in (t - 300 s, t], the
 * reading itself included; samples after the reading's own timestamp are ignored.
 */
public final class RecentReadings {
    /** How far back the windows reach: the history a device keeps. */
    public static final long LONG_SECONDS = 15 * 60;

    /** A reading is loud when its sound is more than this many times the device's quiet floor. */
    public static final double LOUD_FACTOR = 2;

    /** The windows of {@link #loudShare}, in seconds. */
    static final long[] WINDOWS = {90, 3 * 60, 5 * 60, LONG_SECONDS};

    private final Reading reading;
    private final double floor;
    private final int[] count = new int[WINDOWS.length];
    private final int[] loud = new int[WINDOWS.length];

    /**
     * @param history samples of the same device in any order; the reading itself may or may not be
     *     among them
     * @param floor the device's quiet floor at the reading ({@link QuietFloor})
     */
    public RecentReadings(Reading reading, List<Sample> history, double floor) {
        this.reading = reading;
        this.floor = floor;
        long t = reading.timestamp;
        take(0, reading.sound);
        for (Sample s : history) {
            if (s.timestamp >= t || s.timestamp <= t - LONG_SECONDS) {
                continue; // the reading itself is counted above; newer ones are its future
            }
            take(t - s.timestamp, s.sound);
        }
    }

    /** Counts a sound {@code age} seconds old in each window it falls in. */
    private void take(long age, double sound) {
        boolean isLoud = sound > LOUD_FACTOR * floor;
        for (int w = 0; w < WINDOWS.length; w++) {
            if (age < WINDOWS[w]) {
                count[w]++;
                loud[w] += isLoud ? 1 : 0;
            }
        }
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
}
