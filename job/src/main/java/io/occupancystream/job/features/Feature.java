package io.occupancystream.job.features;

import io.occupancystream.job.reading.HvacStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The feature vector: names, order and computation, in one place. Training-set columns and model
 * inputs both come from here, so a model never sees columns in another order than it was trained
 * on. Values are rounded to {@link #DECIMALS} places so that the CSV text and the in-memory vector
 * are the same numbers.
 *
 * <p>Every feature carries over from one microphone to another: none changes when every sound level
 * of a device is multiplied by the same factor, because sound is only ever measured against the
 * device's own {@link QuietFloor} or its own recent levels. Raw levels would let a model learn the
 * microphones it was trained on instead of occupancy. Nor is there a time of day or day of week: a
 * recording that starts mid-morning, or a room used at other hours, would teach a model the clock.
 */
public enum Feature {
    /** Share of the last 90 seconds' readings that are loud: more than twice the floor. */
    LOUD_SHARE_90S("loud_share_90s", r -> r.loudShare(90)),
    LOUD_SHARE_3M("loud_share_3m", r -> r.loudShare(3 * 60)),
    LOUD_SHARE_5M("loud_share_5m", r -> r.loudShare(5 * 60)),
    LOUD_SHARE_15M("loud_share_15m", r -> r.loudShare(15 * 60)),
    /** (sound - floor) / (sound + floor): 0 at the floor, towards 1 far above it. */
    SOUND_OVER_FLOOR("sound_over_floor", r -> overFloor(r, r.reading().sound)),
    SOUND_MEAN_3M_OVER_FLOOR("sound_mean_3m_over_floor", r -> overFloor(r, r.soundMean(3 * 60))),
    SOUND_MAX_3M_OVER_FLOOR("sound_max_3m_over_floor", r -> overFloor(r, r.soundMax(3 * 60))),
    /** (mean5m - min15m) / (mean5m + min15m): 0 at the 15-minute low, towards 1 far above it. */
    SOUND_ABOVE_FLOOR_15M(
            "sound_above_floor_15m",
            r ->
                    ratio(
                            r.soundMean(5 * 60) - r.soundMin15m(),
                            r.soundMean(5 * 60) + r.soundMin15m())),
    SOUND_CV_5M("sound_cv_5m", r -> ratio(r.soundStd5m(), r.soundMean(5 * 60))),
    TEMPERATURE_CHANGE_15M("temperature_change_15m", RecentReadings::temperatureChange15m),
    HVAC_HEATING("hvac_heating", r -> hvac(r, HvacStatus.HEATING)),
    HVAC_COOLING("hvac_cooling", r -> hvac(r, HvacStatus.COOLING)),
    HVAC_STANDBY("hvac_standby", r -> hvac(r, HvacStatus.STANDBY));

    public static final int DECIMALS = 6;
    private static final double SCALE = Math.pow(10, DECIMALS);
    private static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>();
        for (Feature f : values()) {
            columns.add(f.column);
        }
        COLUMNS = Collections.unmodifiableList(columns);
    }

    private final String column;
    private final ToDoubleFunction<RecentReadings> value;

    Feature(String column, ToDoubleFunction<RecentReadings> value) {
        this.column = column;
        this.value = value;
    }

    public String column() {
        return column;
    }

    /** The column names in vector order. */
    public static List<String> columns() {
        return COLUMNS;
    }

    /** The feature vector of a reading in its recent context, in {@link #columns()} order. */
    public static double[] vector(RecentReadings recent) {
        Feature[] features = values();
        double[] vector = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            vector[i] = Math.round(features[i].value.applyAsDouble(recent) * SCALE) / SCALE;
        }
        return vector;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }

    private static double overFloor(RecentReadings r, double level) {
        return ratio(level - r.floor(), level + r.floor());
    }

    private static double hvac(RecentReadings r, HvacStatus status) {
        return r.reading().hvacStatus == status ? 1 : 0;
    }
}
