package io.occupancystream.modelops.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Labelled feature rows read from training-set CSVs, in time order by window (the window each
 * file's folder names; within a window by row text, which begins with the reading's timestamp).
 * Values are float32, as XGBoost uses them, row-major. Each row also says which reading it is:
 * epoch seconds, thing name and room (from the identity columns; without them, the window start,
 * {@link #UNKNOWN} and the thing).
 */
public final class TrainingSet {
    /** The column the rule baseline reads (the EduKit IoT rule: sound above a threshold). */
    public static final String RULE_COLUMN = "sound";

    private final List<String> features;
    private final String target;
    private final float[] values;
    private final boolean[] labels;
    private final long[] windowStarts;
    private final long[] timestamps;
    private final String[] things;
    private final String[] rooms;
    private final double[] sounds;
    private final int files;
    private final String dataHash;

    /** The thing name of rows from training sets without identity columns. */
    public static final String UNKNOWN = "unknown";

    TrainingSet(
            List<String> features,
            String target,
            float[] values,
            boolean[] labels,
            long[] windowStarts,
            int files,
            String dataHash) {
        this(
                features,
                target,
                values,
                labels,
                windowStarts,
                secondsOf(windowStarts),
                filled(labels.length, UNKNOWN),
                filled(labels.length, UNKNOWN),
                nans(labels.length),
                files,
                dataHash);
    }

    TrainingSet(
            List<String> features,
            String target,
            float[] values,
            boolean[] labels,
            long[] windowStarts,
            long[] timestamps,
            String[] things,
            String[] rooms,
            double[] sounds,
            int files,
            String dataHash) {
        this.features = List.copyOf(features);
        this.target = target;
        this.values = values;
        this.labels = labels;
        this.windowStarts = windowStarts;
        this.timestamps = timestamps;
        this.things = things;
        this.rooms = rooms;
        this.sounds = sounds;
        this.files = files;
        this.dataHash = dataHash;
    }

    private static long[] secondsOf(long[] windowStarts) {
        long[] seconds = new long[windowStarts.length];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = Math.floorDiv(windowStarts[i], 1000L);
        }
        return seconds;
    }

    private static String[] filled(int n, String value) {
        String[] a = new String[n];
        Arrays.fill(a, value);
        return a;
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    public List<String> features() {
        return features;
    }

    public String target() {
        return target;
    }

    public int rows() {
        return labels.length;
    }

    public int columns() {
        return features.size();
    }

    public float value(int row, int column) {
        return values[row * features.size() + column];
    }

    /** All values, row-major; do not modify. */
    public float[] values() {
        return values;
    }

    public boolean label(int row) {
        return labels[row];
    }

    public boolean[] labels() {
        return labels;
    }

    /** Epoch milliseconds of the start of the window the row's file belongs to. */
    public long windowStart(int row) {
        return windowStarts[row];
    }

    /** Epoch seconds of the row's reading. */
    public long timestamp(int row) {
        return timestamps[row];
    }

    public String thing(int row) {
        return things[row];
    }

    public String room(int row) {
        return rooms[row];
    }

    /** The thing names, in order of first appearance. */
    public List<String> things() {
        return distinct(things);
    }

    /** The rooms, in order of first appearance. */
    public List<String> rooms() {
        return distinct(rooms);
    }

    private static List<String> distinct(String[] names) {
        Set<String> seen = new LinkedHashSet<>(Arrays.asList(names));
        return new ArrayList<>(seen);
    }

    public long occupied() {
        long n = 0;
        for (boolean label : labels) {
            if (label) {
                n++;
            }
        }
        return n;
    }

    public int files() {
        return files;
    }

    /** {@code sha256:...} over the header and the rows with their windows, in reading order. */
    public String dataHash() {
        return dataHash;
    }

    /** One column's values as doubles, e.g. the rule's sound levels. */
    public double[] column(String name) {
        int c = features.indexOf(name);
        if (c < 0) {
            throw new TrainingDataException("the training data has no column '" + name + "'");
        }
        double[] column = new double[rows()];
        for (int r = 0; r < rows(); r++) {
            column[r] = value(r, c);
        }
        return column;
    }

    /**
     * Each row's raw sound, which the rule reads: the {@link #RULE_COLUMN} identity column, or a
     * feature of that name in training sets written before sound stopped being a feature.
     */
    public double[] sound() {
        if (features.contains(RULE_COLUMN)) {
            return column(RULE_COLUMN);
        }
        for (double s : sounds) {
            if (Double.isNaN(s)) {
                throw new TrainingDataException(
                        "the training data has no column '" + RULE_COLUMN + "'");
            }
        }
        return sounds.clone();
    }

    /** The same rows, those of each thing in {@code roomOfThing} counted in its room. */
    public TrainingSet inRooms(Map<String, String> roomOfThing) {
        String[] ro = rooms.clone();
        for (int r = 0; r < ro.length; r++) {
            ro[r] = roomOfThing.getOrDefault(things[r], ro[r]);
        }
        return new TrainingSet(
                features,
                target,
                values,
                labels,
                windowStarts,
                timestamps,
                things,
                ro,
                sounds,
                files,
                dataHash);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), a contiguous stretch of time. */
    public TrainingSet slice(int from, int to) {
        return where(r -> r >= from && r < to);
    }

    /** The rows whose index passes {@code keep}, in order; e.g. all devices but one. */
    public TrainingSet where(IntPredicate keep) {
        int columns = columns();
        int n = 0;
        for (int r = 0; r < rows(); r++) {
            n += keep.test(r) ? 1 : 0;
        }
        float[] v = new float[n * columns];
        boolean[] l = new boolean[n];
        long[] w = new long[n];
        long[] t = new long[n];
        String[] th = new String[n];
        String[] ro = new String[n];
        double[] so = new double[n];
        int i = 0;
        for (int r = 0; r < rows(); r++) {
            if (!keep.test(r)) {
                continue;
            }
            System.arraycopy(values, r * columns, v, i * columns, columns);
            l[i] = labels[r];
            w[i] = windowStarts[r];
            t[i] = timestamps[r];
            th[i] = things[r];
            ro[i] = rooms[r];
            so[i] = sounds[r];
            i++;
        }
        return new TrainingSet(features, target, v, l, w, t, th, ro, so, files, dataHash);
    }
}
