package io.occupancystream.job.features;

import java.util.Arrays;

/**
 * A device's quiet floor: the {@value #PERCENTILE}th percentile, over its last day of complete
 * minutes, of each minute's quietest reading. It is the level of the empty room as this microphone
 * hears it, so sound measured against it means the same on a sensitive microphone and a deaf one.
 *
 * <p>Bounded: one slot per minute of the day ({@value #MINUTES} slots, about 23 KB), whatever the
 * reading rate. The floor is worked out once per minute, when a device's first reading of a newer
 * minute arrives, from the minutes before it; a reading of an older minute (out of order) takes the
 * floor there is and is added to its minute if that is still within the day.
 *
 * <p>Cold (a device's first day): the floor is taken from the complete minutes there are, and
 * before the first minute is complete, from the quietest reading so far of the current one. A
 * device that starts in an occupied room therefore takes the noise of people as its floor, and
 * hears less above it than there is, until its first quiet minute; from then on (one quiet minute
 * in twenty is enough for the 5th percentile) the floor is the empty room's.
 *
 * <p>A Flink POJO, kept in keyed state by {@link FeatureFunction}.
 */
public class QuietFloor {
    /** One day of minutes. */
    public static final int MINUTES = 24 * 60;

    static final int PERCENTILE = 5;

    /** Epoch minute each slot holds; {@code -1} for an empty slot. */
    public long[] minute;

    /** The quietest sound of the minute each slot holds. */
    public double[] quietest;

    /** The epoch minute {@link #floor} was worked out for. */
    public long floorMinute = -1;

    /**
     * The floor from the complete minutes before {@link #floorMinute}; NaN when there were none.
     */
    public double floor = Double.NaN;

    public QuietFloor() {}

    /** A device with no readings yet. */
    public static QuietFloor empty() {
        QuietFloor f = new QuietFloor();
        f.minute = new long[MINUTES];
        Arrays.fill(f.minute, -1);
        f.quietest = new double[MINUTES];
        return f;
    }

    /**
     * Takes the reading at {@code timestamp} (epoch seconds) and returns the floor that the
     * reading's features are measured against.
     */
    public double take(long timestamp, double sound) {
        long m = Math.floorDiv(timestamp, 60L);
        if (m > floorMinute) {
            floor = percentileBefore(m);
            floorMinute = m;
        }
        int slot = (int) Math.floorMod(m, (long) MINUTES);
        if (minute[slot] < m) {
            minute[slot] = m;
            quietest[slot] = sound;
        } else if (minute[slot] == m) {
            quietest[slot] = Math.min(quietest[slot], sound);
        }
        if (Double.isNaN(floor)) {
            return minute[slot] == m ? quietest[slot] : sound;
        }
        return floor;
    }

    private double percentileBefore(long m) {
        double[] values = new double[MINUTES];
        int n = 0;
        for (int slot = 0; slot < MINUTES; slot++) {
            if (minute[slot] >= m - MINUTES && minute[slot] < m) {
                values[n++] = quietest[slot];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, n);
        return values[(int) Math.floor(PERCENTILE / 100.0 * (n - 1))];
    }
}
