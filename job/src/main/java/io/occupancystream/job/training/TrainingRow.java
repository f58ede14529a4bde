package io.occupancystream.job.training;

import io.occupancystream.job.features.FeatureCsv;
import java.util.Arrays;
import java.util.Objects;

/** One labelled feature vector, tagged with the start of the training window it belongs to. */
public class TrainingRow {
    /** Epoch milliseconds. */
    public long windowStart;

    public String thingName;

    /** The room the reading belongs to. */
    public String room;

    /** Epoch seconds of the reading. */
    public long timestamp;

    /** The reading's own sound level, which the rule reads; not a model feature. */
    public double sound;

    public double[] features;
    public boolean occupied;

    public TrainingRow() {}

    public TrainingRow(
            long windowStart,
            String thingName,
            String room,
            long timestamp,
            double sound,
            double[] features,
            boolean occupied) {
        this.windowStart = windowStart;
        this.thingName = thingName;
        this.room = room;
        this.timestamp = timestamp;
        this.sound = sound;
        this.features = features;
        this.occupied = occupied;
    }

    /** The CSV line of this row, as the training-set header says. */
    public String csv() {
        return FeatureCsv.trainingRow(timestamp, thingName, room, sound, features, occupied);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrainingRow)) {
            return false;
        }
        TrainingRow that = (TrainingRow) o;
        return windowStart == that.windowStart
                && timestamp == that.timestamp
                && Double.compare(sound, that.sound) == 0
                && occupied == that.occupied
                && Objects.equals(thingName, that.thingName)
                && Objects.equals(room, that.room)
                && Arrays.equals(features, that.features);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                windowStart,
                thingName,
                room,
                timestamp,
                sound,
                occupied,
                Arrays.hashCode(features));
    }

    @Override
    public String toString() {
        return csv();
    }
}
