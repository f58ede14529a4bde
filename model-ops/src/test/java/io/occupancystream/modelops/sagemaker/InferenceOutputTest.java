package io.occupancystream.modelops.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.AutoMLContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMode;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;

class InferenceOutputTest {
    private static final String ALL_FOUR = "predicted_label,probability,probabilities,labels";

    private static AutoMLContainerDefinition container(String supported) {
        return AutoMLContainerDefinition.builder()
                .image("image")
                .modelDataUrl("s3://b/m.tar.gz")
                .environment(
                        supported == null ? Map.of() : Map.of(InferenceOutput.SUPPORTED, supported))
                .build();
    }

    private static List<String> output(List<ContainerDefinition> containers) {
        return containers.stream()
                .map(c -> c.environment().get(InferenceOutput.OUTPUT))
                .collect(Collectors.toList());
    }

    @Test
    void autoModeIsResolvedFromTheNumberOfContainers() {
        assertThat(InferenceOutput.resolved(AutoMLMode.AUTO, 1)).isEqualTo(AutoMLMode.ENSEMBLING);
        assertThat(InferenceOutput.resolved(AutoMLMode.AUTO, 3))
                .isEqualTo(AutoMLMode.HYPERPARAMETER_TUNING);
    }

    /**
     * AWS, "Configure inference output in generated containers" (SageMaker Developer Guide): {@code
     * probability} is P(predicted_label) for ensembling models and the positive class's for tuning
     * models, so P(occupied) needs {@code probabilities} and {@code labels}; a tuning candidate's
     * algorithm container supports {@code predicted_label, probability, probabilities} ("labels is
     * deliberately not added"), its last one all four.
     */
    @Test
    void everySupportedKeyThatSettlesPOccupiedIsAskedForInBothModes() {
        assertThat(
                        output(
                                InferenceOutput.containers(
                                        AutoMLMode.ENSEMBLING,
                                        List.of(container(ALL_FOUR + ",extra")))))
                .containsExactly("predicted_label,probability,probabilities,labels");
        List<ContainerDefinition> pipeline =
                InferenceOutput.containers(
                        AutoMLMode.HYPERPARAMETER_TUNING,
                        List.of(
                                container(""),
                                container("predicted_label, probability, probabilities"),
                                container(ALL_FOUR)));
        assertThat(output(pipeline))
                .containsExactly(
                        null,
                        "predicted_label,probability,probabilities",
                        "predicted_label,probability,probabilities,labels");
        assertThat(pipeline.get(2).environment().get(InferenceOutput.INPUT))
                .isEqualTo("predicted_label,probability,probabilities");
    }

    @Test
    void onlySupportedKeysAreAskedFor() {
        assertThat(
                        output(
                                InferenceOutput.containers(
                                        AutoMLMode.ENSEMBLING,
                                        List.of(container("probability,predicted_label")))))
                .containsExactly("predicted_label,probability");
        assertThat(
                        output(
                                InferenceOutput.containers(
                                        AutoMLMode.ENSEMBLING,
                                        List.of(container("labels,probabilities")))))
                .containsExactly("probabilities,labels");
    }

    @Test
    void containerWhoseAnswerCannotSettlePOccupiedIsRefused() {
        assertThatThrownBy(
                        () ->
                                InferenceOutput.containers(
                                        AutoMLMode.ENSEMBLING,
                                        List.of(container("probability,labels"))))
                .isInstanceOf(PromotionException.class)
                .hasMessage(
                        "inference container 0 supports neither probabilities and labels nor"
                                + " predicted_label and probability: probability,labels");
        assertThatThrownBy(
                        () ->
                                InferenceOutput.containers(
                                        AutoMLMode.ENSEMBLING, List.of(container(null))))
                .hasMessage("inference container 0 declares no SAGEMAKER_INFERENCE_SUPPORTED");
        assertThatThrownBy(
                        () ->
                                InferenceOutput.containers(
                                        AutoMLMode.HYPERPARAMETER_TUNING,
                                        List.of(
                                                container(""),
                                                container("predicted_label,probability"),
                                                container(ALL_FOUR))))
                .isInstanceOf(PromotionException.class)
                .hasMessage(
                        "a hyperparameter-tuning candidate must answer probabilities and labels"
                                + " (its probability is the positive class's, which the answer"
                                + " does not name); it would answer"
                                + " predicted_label,probability,labels");
    }

    @Test
    void containerCountMustMatchTheMode() {
        assertThatThrownBy(
                        () ->
                                InferenceOutput.containers(
                                        AutoMLMode.HYPERPARAMETER_TUNING,
                                        List.of(container("probability"))))
                .hasMessageStartingWith("a hyperparameter-tuning candidate has three");
    }
}
