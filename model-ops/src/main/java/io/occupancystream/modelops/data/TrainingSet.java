package io.occupancystream.modelops.data;

import java.util.List;

/**
 * Labelled feature rows read from training-set CSVs, in time order by window (the window each
 * file's folder names; within a window by row text). Values are float32, as XGBoost uses them,
 * row-major.
 */
public final class TrainingSet {
    /** The column the rule baseline reads (the EduKit IoT rule: sound above a threshold). */
    public static final String RULE_COLUMN = "sound";

    private final List<String> features;
    private final String target;
    private final float[] values;
    private final boolean[] labels;
    private final long[] windowStarts;
    private final int files;
    private final String dataHash;

    TrainingSet(
            List<String> features,
            String target,
            float[] values,
            boolean[] labels,
            long[] windowStarts,
            int files,
            String dataHash) {
        this.features = List.copyOf(features);
        this.target = target;
        this.values = values;
        this.labels = labels;
        this.windowStarts = windowStarts;
        this.files = files;
        this.dataHash = dataHash;
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

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), a contiguous stretch of time. */
    public TrainingSet slice(int from, int to) {
        int columns = columns();
        float[] v = new float[(to - from) * columns];
        System.arraycopy(values, from * columns, v, 0, v.length);
        boolean[] l = new boolean[to - from];
        System.arraycopy(labels, from, l, 0, l.length);
        long[] w = new long[to - from];
        System.arraycopy(windowStarts, from, w, 0, w.length);
        return new TrainingSet(features, target, v, l, w, files, dataHash);
    }
}
