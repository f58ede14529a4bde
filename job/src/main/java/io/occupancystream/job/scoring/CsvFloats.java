package io.occupancystream.job.scoring;

/**
 * Reads inference rows into floats exactly as {@link Float#parseFloat} would, so that the embedded
 * model sees the numbers an endpoint parses from the same text, at a fraction of the cost for the
 * plain decimals {@code FeatureCsv} writes: a decimal of at most 15 digits is an exact long over an
 * exact power of ten, their quotient is the correctly rounded double, and rounding that double to a
 * float gives the correctly rounded float unless the double lies exactly halfway between two floats
 * (then, and for any other form of number, {@link Float#parseFloat} reads the text).
 */
final class CsvFloats {
    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = new double[MAX_DIGITS + 1];

    static {
        double power = 1;
        for (int i = 0; i <= MAX_DIGITS; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private CsvFloats() {}

    /**
     * Writes the {@code columns} comma-separated values of {@code row} into {@code values} from
     * {@code offset}; fails naming the row if it has another number of cells or one is no number.
     */
    static void read(String row, int columns, float[] values, int offset) {
        int start = 0;
        for (int c = 0; c < columns; c++) {
            int end = row.indexOf(',', start);
            if (end < 0) {
                end = row.length();
            }
            if (c == columns - 1 ? end != row.length() : end == row.length()) {
                throw new NumberFormatException(
                        "expected " + columns + " comma-separated values: " + row);
            }
            values[offset + c] = parse(row, start, end);
            start = end + 1;
        }
    }

    /** {@code Float.parseFloat(text.substring(from, to))}. */
    static float parse(String text, int from, int to) {
        int i = from;
        boolean negative = i < to && text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int count = 0;
        int places = -1;
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > MAX_DIGITS) {
                    return Float.parseFloat(text.substring(from, to));
                }
                digits = digits * 10 + (c - '0');
                if (places >= 0) {
                    places++;
                }
            } else if (c == '.' && places < 0) {
                places = 0;
            } else {
                return Float.parseFloat(text.substring(from, to));
            }
        }
        if (count == 0) {
            return Float.parseFloat(text.substring(from, to));
        }
        double value = places <= 0 ? digits : digits / POWERS_OF_TEN[places];
        float rounded = (float) value;
        if (halfway(value, rounded)) {
            return Float.parseFloat(text.substring(from, to));
        }
        return negative ? -rounded : rounded;
    }

    /** Whether {@code value} is exactly midway between {@code rounded} and its other neighbour. */
    private static boolean halfway(double value, float rounded) {
        if (rounded == value) {
            return false;
        }
        float other = Math.nextAfter(rounded, value);
        return ((double) rounded + (double) other) / 2 == value;
    }
}
