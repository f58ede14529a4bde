package io.occupancystream.job.training;

import io.occupancystream.job.features.FeatureCsv;
import java.util.Arrays;
import java.util.Objects;

/** One labelled feature vector, tagged with the start of the training window it belongs to. */
public class TrainingRow {
    /** Epoch milliseconds. */
    public long windowStart;

    public String thingName;

    /** Epoch seconds of the reading. */
    public long timestamp;

    public double[] features;
    public boolean occupied;

    public TrainingRow() {}

    public TrainingRow(
            long windowStart,
            String thingName,
            long timestamp,
            double[] features,
            boolean occupied) {
        this.windowStart = windowStart;
        this.thingName = thingName;
        this.timestamp = timestamp;
        this.features = features;
        this.occupied = occupied;
    }

    /** The CSV line of this row: features then the target, as the training-set header says. */
    public String csv() {
        return FeatureCsv.trainingRow(features, occupied);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrainingRow)) {
            return false;
        }
        TrainingRow that = (TrainingRow) o;
        return windowStart == that.windowStart
                && timestamp == that.timestamp
                && occupied == that.occupied
                && Objects.equals(thingName, that.thingName)
                && Arrays.equals(features, that.features);
    }

    @Override
    public int hashCode() {
        return Objects.hash(windowStart, thingName, timestamp, occupied, Arrays.hashCode(features));
    }

    @Override
    public String toString() {
        return thingName + "@" + timestamp + " " + csv();
    }
}
