package io.occupancystream.job.features;

import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.model.decision.QuietSpan;
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
 * <p>Every feature carries over from one microphone to another: sound enters only as the share of a
 * device's recent readings that are loud, more than twice the device's own {@link QuietFloor}. A
 * share does not change when every level of a device is multiplied by the same factor, nor with how
 * far above its floor a microphone puts a voice: levels against the floor still carry each
 * microphone's response, and raw levels would let a model learn the microphones it was trained on
 * instead of occupancy. Nor is there a time of day or day of week: a recording that starts
 * mid-morning, or a room used at other hours, would teach a model the clock.
 */
public enum Feature {
    /** Share of the last 90 seconds' readings that are loud: more than twice the floor. */
    LOUD_SHARE_90S("loud_share_90s", r -> r.loudShare(90)),
    LOUD_SHARE_3M("loud_share_3m", r -> r.loudShare(3 * 60)),
    LOUD_SHARE_5M("loud_share_5m", r -> r.loudShare(5 * 60)),
    LOUD_SHARE_15M("loud_share_15m", r -> r.loudShare(15 * 60)),
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

    private static final QuietSpan QUIET = QuietSpan.of(COLUMNS);

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

    /**
     * How long the reading's device had heard nothing loud, read from its vector as model-ops reads
     * it from a training row ({@link QuietSpan}).
     */
    public static long quietSeconds(double[] vector) {
        return QUIET.seconds(vector);
    }

    private static double hvac(RecentReadings r, HvacStatus status) {
        return r.reading().hvacStatus == status ? 1 : 0;
    }
}
