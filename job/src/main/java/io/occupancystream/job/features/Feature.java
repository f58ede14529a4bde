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
 * <p>Microphones differ in sensitivity from device to device, so besides the raw levels there are
 * two features that do not change when every sound level of a device is multiplied by the same
 * factor: the 5-minute level relative to the 15-minute floor, and the 5-minute coefficient of
 * variation.
 */
public enum Feature {
    TEMPERATURE("temperature", r -> r.reading().temperature),
    SOUND("sound", r -> r.reading().sound),
    SOUND_MEAN_5M("sound_mean_5m", RecentReadings::soundMean5m),
    SOUND_MAX_5M("sound_max_5m", RecentReadings::soundMax5m),
    SOUND_STD_5M("sound_std_5m", RecentReadings::soundStd5m),
    /** (mean5m - min15m) / (mean5m + min15m): 0 at the floor, towards 1 far above it. */
    SOUND_ABOVE_FLOOR_15M(
            "sound_above_floor_15m",
            r -> ratio(r.soundMean5m() - r.soundMin15m(), r.soundMean5m() + r.soundMin15m())),
    SOUND_CV_5M("sound_cv_5m", r -> ratio(r.soundStd5m(), r.soundMean5m())),
    TEMPERATURE_CHANGE_15M("temperature_change_15m", RecentReadings::temperatureChange15m),
    HOUR_OF_DAY("hour_of_day", r -> r.localTime().getHour()),
    /** ISO day of week: 1 is Monday, 7 is Sunday. */
    DAY_OF_WEEK("day_of_week", r -> r.localTime().getDayOfWeek().getValue()),
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

    private static double hvac(RecentReadings r, HvacStatus status) {
        return r.reading().hvacStatus == status ? 1 : 0;
    }
}
