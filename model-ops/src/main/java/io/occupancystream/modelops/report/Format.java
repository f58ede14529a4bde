package io.occupancystream.modelops.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How numbers and values read in the report (plain text, not yet HTML-escaped). */
final class Format {
    static final String UNDEFINED = "n/a";
    private static final MathContext SIGNIFICANT_DIGITS = new MathContext(6);

    private Format() {}

    /** A metric in [0, 1] (or any ratio) to 4 decimals; "n/a" when undefined. */
    static String metric(double value) {
        return Double.isNaN(value) ? UNDEFINED : String.format(Locale.ROOT, "%.4f", value);
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction)
                ? UNDEFINED
                : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    /** A value from a map of settings or facts: numbers to 6 significant digits at most. */
    static String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            return new BigDecimal(d, SIGNIFICANT_DIGITS).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** How the model decides, e.g. {@code probability ≥ 0.43}. */
    static String modelDecision(double threshold) {
        return "probability \u2265 " + value(threshold);
    }

    /** How the rule decides, e.g. {@code sound > 10}. */
    static String ruleDecision(double threshold) {
        return "sound > " + value(threshold);
    }

    /** {@code key value, key value} in the map's order. */
    static String pairs(Map<String, ?> map) {
        return map.entrySet().stream()
                .map(e -> e.getKey() + " " + value(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
