package io.occupancystream.modelops.sagemaker;

import io.occupancystream.modelops.data.TrainingSet;
import java.util.List;

/**
 * What a challenger is trained on, as its model card records it: the rows, the feature columns in
 * order, the target and the data's hash. Small enough to travel between retraining steps.
 */
public final class TrainedOn {
    public final long rows;
    public final List<String> features;
    public final String target;
    public final String dataHash;

    public TrainedOn(long rows, List<String> features, String target, String dataHash) {
        this.rows = rows;
        this.features = List.copyOf(features);
        this.target = target;
        this.dataHash = dataHash;
    }

    static TrainedOn of(TrainingSet data) {
        return new TrainedOn(data.rows(), data.features(), data.target(), data.dataHash());
    }
}
