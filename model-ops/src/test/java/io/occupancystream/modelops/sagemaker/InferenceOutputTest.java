package io.occupancystream.modelops.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.AutoMLContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMode;

class InferenceOutputTest {
    private static AutoMLContainerDefinition container(String supported) {
        return AutoMLContainerDefinition.builder()
                .image("image")
                .modelDataUrl("s3://b/m.tar.gz")
                .environment(
                        supported == null ? Map.of() : Map.of(InferenceOutput.SUPPORTED, supported))
                .build();
    }

    @Test
    void autoModeIsResolvedFromTheNumberOfContainers() {
        assertThat(InferenceOutput.resolved(AutoMLMode.AUTO, 1)).isEqualTo(AutoMLMode.ENSEMBLING);
        assertThat(InferenceOutput.resolved(AutoMLMode.AUTO, 3))
                .isEqualTo(AutoMLMode.HYPERPARAMETER_TUNING);
    }

    @Test
    void onlySupportedKeysAreAskedFor() {
        assertThat(
                        InferenceOutput.containers(
                                        AutoMLMode.ENSEMBLING, List.of(container("probability")))
                                .get(0)
                                .environment()
                                .get(InferenceOutput.OUTPUT))
                .isEqualTo("probability");
    }

    @Test
    void containerThatCannotAnswerLabelOrProbabilityIsRefused() {
        assertThatThrownBy(
                        () ->
                                InferenceOutput.containers(
                                        AutoMLMode.ENSEMBLING, List.of(container("labels"))))
                .isInstanceOf(PromotionException.class)
                .hasMessage(
                        "inference container 0 supports neither predicted_label nor probability:"
                                + " labels");
        assertThatThrownBy(
                        () ->
                                InferenceOutput.containers(
                                        AutoMLMode.ENSEMBLING, List.of(container(null))))
                .hasMessage("inference container 0 declares no SAGEMAKER_INFERENCE_SUPPORTED");
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
