package io.occupancystream.modelops.sagemaker;

import java.util.Locale;
import java.util.Optional;

/**
 * The retraining gate: how many rows the training prefix has beyond those the endpoint's model was
 * trained on (recorded in its tags; none without an endpoint), and whether that is enough.
 */
public final class NewRows {
    private final TrainedOn data;
    private final String dataUri;
    private final long championRows;
    private final String championModel;
    private final long minNewRows;

    NewRows(TrainedOn data, String dataUri, Optional<Champion> champion, long minNewRows) {
        this.data = data;
        this.dataUri = dataUri;
        this.championRows = champion.map(Champion::trainingRows).orElse(0L);
        this.championModel = champion.map(Champion::model).orElse("none");
        this.minNewRows = minNewRows;
    }

    public TrainedOn data() {
        return data;
    }

    public long fresh() {
        return data.rows - championRows;
    }

    public boolean enough() {
        return fresh() >= minNewRows;
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d rows under %s; the current model (%s) was trained on %d: %d new",
                data.rows,
                dataUri,
                championModel,
                championRows,
                fresh());
    }

    /** Why not, when not {@link #enough()}. */
    public String notEnough() {
        return String.format(Locale.ROOT, "Not retraining: fewer than %d new rows", minNewRows);
    }
}
