package io.occupancystream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model is and how it was made: {@code model.json} beside {@code model.tar.gz}. The feature
 * names, in order, are the model's input contract; the threshold turns its probability into {@code
 * predicted_label}, and the decision and room rules turn probabilities over time into a device's
 * and a room's {@code roomOccupancy}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelCard {
    public static final String FILE = "model.json";

    /**
     * The target column the job's training sets end with (the EduKit tutorial's Autopilot target).
     */
    public static final String DEFAULT_TARGET = "roomoccupancy";

    /**
     * The leading columns of a training set that say which reading a row is (epoch seconds, the
     * device, its room) and its raw sound level, which the rule baseline reads: for per-device and
     * per-room validation and the rule, never model features.
     */
    public static final List<String> ID_COLUMNS =
            List.of("timestamp", "thing_name", "room", "sound");

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String modelVersion;
    public String createdAt;
    public String algorithm;
    public List<String> features;
    public String target;
    public double threshold;
    public String objective;
    public Map<String, Object> hyperparameters = new LinkedHashMap<>();
    public ObjectNode validation;
    public Map<String, Long> rows = new LinkedHashMap<>();
    public Map<String, Long> classBalance = new LinkedHashMap<>();
    public Map<String, Object> trainingData = new LinkedHashMap<>();
    public ObjectNode ruleBaseline;

    /** Each device's decision from its probabilities; without it, {@link #threshold} alone. */
    public DecisionRule decision;

    /** How a room's devices decide together; without it, the mean of its fresh devices. */
    public RoomRule room;

    /** The rule a device's probabilities are latched with. */
    public DecisionRule deviceRule() {
        return decision != null ? decision : DecisionRule.threshold(threshold);
    }

    /**
     * The rule a room's devices are fused and latched with; {@code defaultFreshnessSeconds} where
     * the card names no freshness window.
     */
    public RoomRule roomRule(long defaultFreshnessSeconds) {
        if (room == null) {
            return new RoomRule(FusionMethod.MEAN, deviceRule(), defaultFreshnessSeconds);
        }
        DecisionRule decision = room.decision != null ? room.decision : deviceRule();
        return new RoomRule(room.method, decision, room.freshnessSeconds, room.quietSeconds)
                .orFreshness(defaultFreshnessSeconds);
    }

    /**
     * Fails unless the caller's columns are exactly the model's, in order; the message names the
     * difference, so a model trained on other columns never scores silently.
     */
    public void requireFeatures(List<String> callerFeatures) {
        if (callerFeatures.equals(features)) {
            return;
        }
        List<String> missing = new ArrayList<>(features);
        missing.removeAll(callerFeatures);
        List<String> unknown = new ArrayList<>(callerFeatures);
        unknown.removeAll(features);
        String difference =
                missing.isEmpty() && unknown.isEmpty()
                        ? "same columns in another order"
                        : "missing " + missing + ", not in the model " + unknown;
        throw new FeatureMismatchException(
                "model "
                        + modelVersion
                        + " was trained on "
                        + features
                        + " but the caller sends "
                        + callerFeatures
                        + ": "
                        + difference);
    }

    public static ModelCard read(Path modelDir) throws IOException {
        return MAPPER.readValue(modelDir.resolve(FILE).toFile(), ModelCard.class);
    }

    /** A card from the contents of {@value #FILE}. */
    public static ModelCard fromJson(byte[] json) throws IOException {
        return MAPPER.readValue(json, ModelCard.class);
    }

    public void write(Path modelDir) throws IOException {
        Files.write(modelDir.resolve(FILE), toJson());
    }

    /** The contents of {@value #FILE}. */
    public byte[] toJson() throws IOException {
        return MAPPER.writeValueAsBytes(this);
    }
}
