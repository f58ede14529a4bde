package io.occupancystream.job.features;

import io.occupancystream.model.ModelCard;
import java.math.BigDecimal;

/**
 * The CSV form of feature vectors: the training-set header and rows, and the rows of inference
 * requests, which are training rows without the identity columns ({@link ModelCard#ID_COLUMNS}:
 * timestamp, thing name, room, raw sound) and the target. Numbers are written in plain decimal
 * notation, never exponents; a name's commas, quotes, percent signs and line breaks are
 * percent-encoded so that every row splits on commas.
 */
public final class FeatureCsv {
    /** The target column, as model-ops reads it (the EduKit tutorial's Autopilot target). */
    public static final String TARGET = ModelCard.DEFAULT_TARGET;

    private static final String HEADER =
            String.join(",", ModelCard.ID_COLUMNS)
                    + ","
                    + String.join(",", Feature.columns())
                    + ","
                    + TARGET;
    private static final long UNIT = (long) Math.pow(10, Feature.DECIMALS);
    private static final double SCALE = UNIT;
    // Below 2^53 / 10: every such scaled value and its quotient by UNIT are exact in a double.
    private static final long MAX_SCALED = 1L << 49;

    private FeatureCsv() {}

    /**
     * The training-set header: the identity columns, the feature columns in order, then {@link
     * #TARGET}.
     */
    public static String header() {
        return HEADER;
    }

    /** A row of feature values without the target, as an inference request sends it. */
    public static String features(double[] vector) {
        if (vector.length != Feature.values().length) {
            throw new IllegalArgumentException(
                    "expected " + Feature.values().length + " features, got " + vector.length);
        }
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            appendNumber(row, vector[i]);
        }
        return row.toString();
    }

    /**
     * A training row: the reading's epoch seconds, thing name, room and sound, the feature values,
     * then the label as true or false.
     */
    public static String trainingRow(
            long timestamp,
            String thingName,
            String room,
            double sound,
            double[] vector,
            boolean occupied) {
        return timestamp
                + ","
                + name(thingName)
                + ","
                + name(room)
                + ","
                + number(sound)
                + ","
                + features(vector)
                + ","
                + occupied;
    }

    static String name(String name) {
        return name.replace("%", "%25")
                .replace(",", "%2C")
                .replace("\"", "%22")
                .replace("\n", "%0A")
                .replace("\r", "%0D");
    }

    static String number(double value) {
        StringBuilder text = new StringBuilder();
        appendNumber(text, value);
        return text.toString();
    }

    /**
     * The shortest plain decimal of {@code value}: for a value of at most {@link Feature#DECIMALS}
     * places, as every feature is, its digits are written from the scaled integer, ten times faster
     * than through {@link BigDecimal}, which writes any other value (and gives the same text for
     * these, as FeatureCsvTest checks).
     */
    private static void appendNumber(StringBuilder out, double value) {
        long scaled = Math.round(value * SCALE);
        if (Math.abs(scaled) >= MAX_SCALED || scaled / SCALE != value) {
            out.append(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
            return;
        }
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / UNIT);
        int fraction = (int) (scaled % UNIT);
        if (fraction == 0) {
            return;
        }
        out.append('.');
        int places = Feature.DECIMALS;
        while (fraction % 10 == 0) {
            fraction /= 10;
            places--;
        }
        String digits = Integer.toString(fraction);
        for (int i = digits.length(); i < places; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
