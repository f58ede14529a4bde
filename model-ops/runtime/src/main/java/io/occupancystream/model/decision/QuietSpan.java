package io.occupancystream.model.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a device has heard nothing loud, as its feature vector tells: the longest of the
 * loud-share windows ({@code loud_share_90s}, {@code loud_share_3m}, ...) whose share is 0, or 0
 * when even the shortest had a loud reading. The job reads it from a reading's vector and model-ops
 * from a training row, through this one class, so a room rule's {@link RoomRule#quietSeconds} means
 * the same in both. Immutable.
 */
public final class QuietSpan {
    /**
     * The columns it reads: {@code loud_share_} then a count and {@code s}, {@code m} or {@code h}.
     */
    private static final Pattern LOUD_SHARE = Pattern.compile("loud_share_(\\d+)([smh])");

    private final int[] columns;
    private final long[] seconds;

    private QuietSpan(int[] columns, long[] seconds) {
        this.columns = columns;
        this.seconds = seconds;
    }

    /** Reads the loud-share columns among {@code features} (a vector's column names, in order). */
    public static QuietSpan of(List<String> features) {
        List<Integer> found = new ArrayList<>();
        List<Long> windows = new ArrayList<>();
        for (int c = 0; c < features.size(); c++) {
            long window = windowSeconds(features.get(c));
            if (window > 0) {
                found.add(c);
                windows.add(window);
            }
        }
        int[] columns = found.stream().mapToInt(Integer::intValue).toArray();
        long[] seconds = windows.stream().mapToLong(Long::longValue).toArray();
        return new QuietSpan(columns, seconds);
    }

    /** The window a loud-share column covers, in seconds; 0 for any other column. */
    public static long windowSeconds(String column) {
        Matcher m = LOUD_SHARE.matcher(column);
        if (!m.matches()) {
            return 0;
        }
        long count = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "h":
                return count * 3600;
            case "m":
                return count * 60;
            default:
                return count;
        }
    }

    /** The quiet span of one vector, in the column order it was made {@link #of}. */
    public long seconds(double[] vector) {
        return seconds(c -> vector[c]);
    }

    /** The quiet span of one row, given the value of each column by its index. */
    public long seconds(IntToDoubleFunction valueOfColumn) {
        long quiet = 0;
        for (int i = 0; i < columns.length; i++) {
            if (valueOfColumn.applyAsDouble(columns[i]) == 0) {
                quiet = Math.max(quiet, seconds[i]);
            }
        }
        return quiet;
    }
}
