package io.occupancystream.modelops.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a SageMaker Autopilot classification container can be asked to answer, by its {@code
 * SAGEMAKER_INFERENCE_OUTPUT} (AWS, SageMaker Developer Guide, "Configure inference output in
 * generated containers"). Declared in the order the containers write the columns of a text/csv
 * answer when asked for all four, as in that page's example {@code [1, 0.1, "[0.9, 0.1]", "['1',
 * '0']"]}.
 */
public enum InferenceKey {
    /** The label with the highest probability. */
    PREDICTED_LABEL,
    /**
     * Hyperparameter-tuning models: the probability of the positive class Autopilot chose;
     * ensembling models: the probability of {@link #PREDICTED_LABEL}. Never P(occupied) as such.
     */
    PROBABILITY,
    /** The probability of each label, in the order of {@link #LABELS}. */
    PROBABILITIES,
    /** All labels, as the training data spelled them. */
    LABELS;

    /** The key as SageMaker spells it, e.g. {@code predicted_label}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every key, in column order. */
    public static List<InferenceKey> all() {
        return List.of(values());
    }

    /**
     * The keys of a comma-separated list such as {@code "predicted_label, probability"}, in the
     * order given.
     *
     * @throws IllegalArgumentException naming the first unknown or repeated key
     */
    public static List<InferenceKey> parseList(String keys) {
        List<InferenceKey> parsed = new ArrayList<>();
        for (String part : keys.split(",")) {
            String key = part.trim();
            InferenceKey found =
                    Arrays.stream(values())
                            .filter(k -> k.key().equals(key))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "unknown inference key '"
                                                            + key
                                                            + "'; the keys are "
                                                            + join(all())));
            if (parsed.contains(found)) {
                throw new IllegalArgumentException("inference key '" + key + "' is repeated");
            }
            parsed.add(found);
        }
        return List.copyOf(parsed);
    }

    /** {@code keys} as SageMaker's environment takes them: comma-separated, no spaces. */
    public static String join(List<InferenceKey> keys) {
        return keys.stream().map(InferenceKey::key).collect(Collectors.joining(","));
    }
}
