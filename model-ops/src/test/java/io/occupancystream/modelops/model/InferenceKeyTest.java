package io.occupancystream.modelops.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceKeyTest {
    /** As AWS's "Configure inference output in generated containers" spells and orders them. */
    @Test
    void keysAreSpeltAndOrderedAsSageMakerDoes() {
        assertThat(InferenceKey.join(InferenceKey.all()))
                .isEqualTo("predicted_label,probability,probabilities,labels");
    }

    /** The page's own example writes {@code 'predicted_label, probability'}, with a space. */
    @Test
    void listsAreReadInTheOrderGivenWithOrWithoutSpaces() {
        assertThat(InferenceKey.parseList("labels, probabilities,predicted_label"))
                .containsExactly(
                        InferenceKey.LABELS,
                        InferenceKey.PROBABILITIES,
                        InferenceKey.PREDICTED_LABEL);
    }

    @Test
    void unknownOrRepeatedKeysAreRefusedByName() {
        assertThatThrownBy(() -> InferenceKey.parseList("predicted_label,score"))
                .hasMessage(
                        "unknown inference key 'score'; the keys are"
                                + " predicted_label,probability,probabilities,labels");
        assertThatThrownBy(() -> InferenceKey.parseList("labels,labels"))
                .hasMessage("inference key 'labels' is repeated");
        assertThat(InferenceKey.parseList("probability"))
                .isEqualTo(List.of(InferenceKey.PROBABILITY));
    }
}
