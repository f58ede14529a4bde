package io.occupancystream.job.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.apache.flink.util.TimeUtils;

/**
 * How a setting's text becomes its typed value; a value it does not accept is {@link Rejected} with
 * the words for what it does accept.
 */
@FunctionalInterface
public interface SettingType<T> {
    T parse(String value);

    /** A value is not accepted; {@code expected} says what would be. */
    final class Rejected extends RuntimeException {
        final String expected;

        public Rejected(String expected) {
            super(expected, null, false, false);
            this.expected = expected;
        }
    }

    /** Any text, empty meaning "not set". */
    SettingType<String> TEXT = value -> value;

    SettingType<String> NON_EMPTY =
            value -> {
                if (value.isEmpty()) {
                    throw new Rejected("a non-empty value");
                }
                return value;
            };

    SettingType<Duration> POSITIVE_DURATION = duration(true);

    SettingType<Duration> NON_NEGATIVE_DURATION = duration(false);

    /** A UTC instant, or null for an empty value. */
    SettingType<Instant> INSTANT_OR_NONE =
            value -> {
                if (value.isEmpty()) {
                    return null;
                }
                try {
                    return Instant.parse(value);
                } catch (DateTimeException e) {
                    throw new Rejected("a UTC instant such as 2017-12-22T18:00:00Z, or nothing");
                }
            };

    SettingType<Double> NON_NEGATIVE_NUMBER =
            value -> {
                try {
                    double d = Double.parseDouble(value);
                    if (Double.isFinite(d) && d >= 0) {
                        return d;
                    }
                } catch (NumberFormatException e) {
                    // rejected below
                }
                throw new Rejected("a number >= 0");
            };

    SettingType<Integer> POSITIVE_INT = intAtLeast(1, "a whole number > 0");

    SettingType<Integer> NON_NEGATIVE_INT = intAtLeast(0, "a whole number >= 0");

    SettingType<Boolean> BOOLEAN =
            value -> {
                if (value.equals("true") || value.equals("false")) {
                    return Boolean.parseBoolean(value);
                }
                throw new Rejected("true or false");
            };

    /** One of {@code type}'s constants, in any case. */
    static <E extends Enum<E>> SettingType<E> choice(Class<E> type) {
        return value -> {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String allowed = Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
                throw new Rejected("one of " + allowed);
            }
        };
    }

    private static SettingType<Duration> duration(boolean positive) {
        return value -> {
            Duration d;
            try {
                d = TimeUtils.parseDuration(value);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new Rejected("a duration such as 500 ms, 5 s, 1 min, 1 h, 1 d");
            }
            if (d.isNegative() || (positive && d.isZero())) {
                throw new Rejected(positive ? "a positive duration" : "a duration >= 0");
            }
            return d;
        };
    }

    private static SettingType<Integer> intAtLeast(int min, String expected) {
        return value -> {
            try {
                int i = Integer.parseInt(value);
                if (i >= min) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // rejected below
            }
            throw new Rejected(expected);
        };
    }
}
