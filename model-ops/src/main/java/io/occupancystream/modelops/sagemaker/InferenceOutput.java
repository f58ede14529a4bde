package io.occupancystream.modelops.sagemaker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sagemaker.model.AutoMLContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMode;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;

/**
 * Makes an Autopilot candidate's inference containers answer {@code predicted_label,probability},
 * the way SageMaker requires for the job's mode: in ensembling mode the one container's {@code
 * SAGEMAKER_INFERENCE_OUTPUT}; in hyperparameter-tuning mode {@code SAGEMAKER_INFERENCE_OUTPUT} on
 * the algorithm container and {@code SAGEMAKER_INFERENCE_INPUT} and {@code
 * SAGEMAKER_INFERENCE_OUTPUT} on the last one (the inverse label transformer). Each container gets
 * only the keys its {@code SAGEMAKER_INFERENCE_SUPPORTED} lists.
 */
public final class InferenceOutput {
    static final String SUPPORTED = "SAGEMAKER_INFERENCE_SUPPORTED";
    static final String INPUT = "SAGEMAKER_INFERENCE_INPUT";
    static final String OUTPUT = "SAGEMAKER_INFERENCE_OUTPUT";

    /** What the job reads from the endpoint, in this order. */
    public static final List<String> WANTED = List.of("predicted_label", "probability");

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
            environments.get(0).put(OUTPUT, supported(candidate.get(0), 0));
        } else if (mode == AutoMLMode.HYPERPARAMETER_TUNING) {
            if (candidate.size() != 3) {
                throw new PromotionException(
                        "a hyperparameter-tuning candidate has three inference containers"
                                + " (transform, algorithm, inverse label transform), this one has "
                                + candidate.size());
            }
            String algorithmOutput = supported(candidate.get(1), 1);
            environments.get(1).put(OUTPUT, algorithmOutput);
            environments.get(2).put(INPUT, algorithmOutput);
            environments.get(2).put(OUTPUT, supported(candidate.get(2), 2));
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

    /**
     * The wanted keys that the container supports, comma-separated; the job needs the label or the
     * probability at least.
     */
    private static String supported(AutoMLContainerDefinition container, int index) {
        String declared = container.environment().get(SUPPORTED);
        if (declared == null) {
            throw new PromotionException(
                    "inference container " + index + " declares no " + SUPPORTED);
        }
        List<String> offered =
                Arrays.stream(declared.split(",")).map(String::trim).collect(Collectors.toList());
        List<String> keys = WANTED.stream().filter(offered::contains).collect(Collectors.toList());
        if (keys.isEmpty()) {
            throw new PromotionException(
                    "inference container "
                            + index
                            + " supports neither predicted_label nor probability: "
                            + declared);
        }
        return String.join(",", keys);
    }
}
