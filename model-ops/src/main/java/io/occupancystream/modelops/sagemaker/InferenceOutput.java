package io.occupancystream.modelops.sagemaker;

import io.occupancystream.modelops.model.InferenceKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sagemaker.model.AutoMLContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMode;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;

/**
 * Makes an Autopilot candidate's inference containers answer what settles P(occupied) in either
 * mode: {@code predicted_label,probability,probabilities,labels}, each container limited to the
 * keys its {@code SAGEMAKER_INFERENCE_SUPPORTED} lists. In ensembling mode that is the one
 * container's {@code SAGEMAKER_INFERENCE_OUTPUT}; in hyperparameter-tuning mode {@code
 * SAGEMAKER_INFERENCE_OUTPUT} on the algorithm container (never {@code labels}, which the last
 * container makes itself) and {@code SAGEMAKER_INFERENCE_INPUT} and {@code
 * SAGEMAKER_INFERENCE_OUTPUT} on the last one (the inverse label transformer), as AWS documents in
 * "Configure inference output in generated containers".
 *
 * <p>{@code probability} alone is not P(occupied): for ensembling models it is the probability of
 * the predicted label, for tuning models that of the positive class Autopilot chose. So a candidate
 * is refused unless its answer will hold {@code probabilities} and {@code labels}, or (ensembling
 * only) {@code predicted_label} and {@code probability}.
 */
public final class InferenceOutput {
    static final String SUPPORTED = "SAGEMAKER_INFERENCE_SUPPORTED";
    static final String INPUT = "SAGEMAKER_INFERENCE_INPUT";
    static final String OUTPUT = "SAGEMAKER_INFERENCE_OUTPUT";

    /** What the job reads from the endpoint, in this order. */
    public static final List<InferenceKey> WANTED = InferenceKey.all();

    private static final Set<InferenceKey> LISTS =
            EnumSet.of(InferenceKey.PROBABILITIES, InferenceKey.LABELS);
    private static final Set<InferenceKey> LABEL_AND_ITS_PROBABILITY =
            EnumSet.of(InferenceKey.PREDICTED_LABEL, InferenceKey.PROBABILITY);

    private InferenceOutput() {}

    public static List<ContainerDefinition> containers(
            AutoMLMode mode, List<AutoMLContainerDefinition> candidate) {
        mode = resolved(mode, candidate.size());
        List<Map<String, String>> environments = new ArrayList<>();
        for (AutoMLContainerDefinition c : candidate) {
            environments.add(new LinkedHashMap<>(c.environment()));
        }
        if (mode == AutoMLMode.ENSEMBLING) {
            if (candidate.size() != 1) {
                throw new PromotionException(
                        "an ensembling candidate has one inference container, this one has "
                                + candidate.size());
            }
            List<InferenceKey> keys = supported(candidate.get(0), 0, WANTED);
            if (!keys.containsAll(LISTS) && !keys.containsAll(LABEL_AND_ITS_PROBABILITY)) {
                throw new PromotionException(
                        "inference container 0 supports neither probabilities and labels nor"
                                + " predicted_label and probability: "
                                + declared(candidate.get(0), 0));
            }
            environments.get(0).put(OUTPUT, InferenceKey.join(keys));
        } else if (mode == AutoMLMode.HYPERPARAMETER_TUNING) {
            if (candidate.size() != 3) {
                throw new PromotionException(
                        "a hyperparameter-tuning candidate has three inference containers"
                                + " (transform, algorithm, inverse label transform), this one has "
                                + candidate.size());
            }
            List<InferenceKey> algorithmOutput =
                    supported(
                            candidate.get(1),
                            1,
                            WANTED.stream()
                                    .filter(k -> k != InferenceKey.LABELS)
                                    .collect(Collectors.toList()));
            List<InferenceKey> output =
                    supported(
                            candidate.get(2),
                            2,
                            WANTED.stream()
                                    .filter(
                                            k ->
                                                    k == InferenceKey.LABELS
                                                            || algorithmOutput.contains(k))
                                    .collect(Collectors.toList()));
            if (!output.containsAll(LISTS)) {
                throw new PromotionException(
                        "a hyperparameter-tuning candidate must answer probabilities and labels"
                                + " (its probability is the positive class's, which the answer"
                                + " does not name); it would answer "
                                + InferenceKey.join(output));
            }
            environments.get(1).put(OUTPUT, InferenceKey.join(algorithmOutput));
            environments.get(2).put(INPUT, InferenceKey.join(algorithmOutput));
            environments.get(2).put(OUTPUT, InferenceKey.join(output));
        } else {
            throw new PromotionException(
                    "the Autopilot job's mode must be ENSEMBLING or HYPERPARAMETER_TUNING (AUTO"
                            + " resolves to one of them), not "
                            + mode);
        }
        List<ContainerDefinition> containers = new ArrayList<>();
        for (int i = 0; i < candidate.size(); i++) {
            containers.add(
                    ContainerDefinition.builder()
                            .image(candidate.get(i).image())
                            .modelDataUrl(candidate.get(i).modelDataUrl())
                            .environment(environments.get(i))
                            .build());
        }
        return containers;
    }

    /**
     * AUTO is ensembling or hyperparameter tuning once the job has run; the candidate's containers
     * tell which (one for ensembling, three for tuning).
     */
    static AutoMLMode resolved(AutoMLMode mode, int containers) {
        if (mode != AutoMLMode.AUTO) {
            return mode;
        }
        return containers == 1 ? AutoMLMode.ENSEMBLING : AutoMLMode.HYPERPARAMETER_TUNING;
    }

    /** The {@code wanted} keys that the container supports, in the order of {@code wanted}. */
    private static List<InferenceKey> supported(
            AutoMLContainerDefinition container, int index, List<InferenceKey> wanted) {
        List<String> offered =
                Arrays.stream(declared(container, index).split(","))
                        .map(String::trim)
                        .collect(Collectors.toList());
        return wanted.stream().filter(k -> offered.contains(k.key())).collect(Collectors.toList());
    }

    private static String declared(AutoMLContainerDefinition container, int index) {
        String declared = container.environment().get(SUPPORTED);
        if (declared == null) {
            throw new PromotionException(
                    "inference container " + index + " declares no " + SUPPORTED);
        }
        return declared;
    }
}
