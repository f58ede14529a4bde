package io.occupancystream.modelops.retraining;

import com.fasterxml.jackson.databind.JsonNode;
import io.occupancystream.modelops.sagemaker.TrainedOn;
import java.util.ArrayList;
import java.util.List;

/** Reads back the {@code trainedOn} object that the NEW_ROWS step answered. */
final class TrainedOnJson {
    private TrainedOnJson() {}

    static TrainedOn of(JsonNode in) {
        JsonNode t = in.path("trainedOn");
        List<String> features = new ArrayList<>();
        t.path("features").forEach(f -> features.add(f.asText()));
        return new TrainedOn(
                t.path("rows").asLong(),
                features,
                t.path("target").asText(),
                t.path("dataHash").asText());
    }
}
