package io.occupancystream.modelops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.occupancystream.modelops.model.InferenceKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseFormatTest {
    private static final float[] PROBABILITIES = {0.97312f, 0.5f, 0.49999f, 1.0e-5f, 0f, 1f};

    static Stream<Arguments> accepts() {
        return Stream.of(
                arguments(null, ResponseFormat.CSV),
                arguments("", ResponseFormat.CSV),
                arguments("*/*", ResponseFormat.CSV),
                arguments("text/csv", ResponseFormat.CSV),
                arguments("text/*", ResponseFormat.CSV),
                arguments("application/json", ResponseFormat.JSON),
                arguments("APPLICATION/JSON; charset=utf-8", ResponseFormat.JSON),
                arguments("application/*", ResponseFormat.JSON),
                arguments("application/xml, application/json;q=0.9", ResponseFormat.JSON),
                arguments("application/xml, */*", ResponseFormat.CSV));
    }

    @ParameterizedTest
    @MethodSource("accepts")
    void choosesTheFirstSupportedMediaRange(String accept, ResponseFormat expected)
            throws ErrorResponse {
        assertThat(ResponseFormat.forAccept(accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "image/png, text/html"})
    void rejectsOtherAcceptsWith406(String accept) {
        ErrorResponse error =
                catchThrowableOfType(ErrorResponse.class, () -> ResponseFormat.forAccept(accept));

        assertThat(error.status()).isEqualTo(406);
        assertThat(error.errorCode()).isEqualTo("ValidationError");
        assertThat(error.getMessage())
                .isEqualTo(
                        "Accept "
                                + accept
                                + " is not supported; ask for text/csv or application/json");
    }

    /**
     * AWS, SageMaker Developer Guide, "Configure inference output in generated containers": asked
     * for {@code predicted_label, probability, probabilities, labels} a container answers like
     * {@code [1, 0.1, "[0.9, 0.1]", "['1', '0']"]}; probability is the predicted label's for an
     * ensembling model and the positive class's (the second label) for an HPO model.
     */
    @Test
    void ensemblingCsvGivesThePredictedLabelsProbability() {
        assertThat(csv(AnswerStyle.ENSEMBLING, InferenceKey.all(), 0.75f, 0.25f))
                .isEqualTo(
                        "true,0.75,\"[0.25, 0.75]\",\"['false', 'true']\"\n"
                                + "false,0.75,\"[0.75, 0.25]\",\"['false', 'true']\"\n");
    }

    @Test
    void hpoCsvGivesTheSecondLabelsProbability() {
        assertThat(csv(AnswerStyle.HPO, InferenceKey.all(), 0.75f, 0.25f))
                .isEqualTo(
                        "true,0.25,\"[0.75, 0.25]\",\"['true', 'false']\"\n"
                                + "false,0.75,\"[0.25, 0.75]\",\"['true', 'false']\"\n");
    }

    @Test
    void onlyTheAskedKeysAreWrittenInTheOrderAsked() {
        List<InferenceKey> keys = List.of(InferenceKey.PREDICTED_LABEL, InferenceKey.PROBABILITY);
        assertThat(csv(AnswerStyle.ENSEMBLING, keys, PROBABILITIES))
                .isEqualTo(
                        "true,0.97312\n"
                                + "true,0.5\n"
                                + "false,0.50001\n"
                                + "false,0.99999\n"
                                + "false,1.0\n"
                                + "true,1.0\n");
        assertThat(
                        csv(
                                AnswerStyle.HPO,
                                List.of(InferenceKey.LABELS, InferenceKey.PROBABILITIES),
                                0.75f))
                .isEqualTo("\"['true', 'false']\",\"[0.75, 0.25]\"\n");
    }

    @Test
    void jsonIsAutopilotsPredictionsWithStringScalarsAndArrays() {
        assertThat(
                        text(
                                ResponseFormat.JSON.format(
                                        AnswerStyle.ENSEMBLING,
                                        InferenceKey.all(),
                                        new float[] {0.97312f, 0.25f},
                                        p -> p >= 0.5)))
                .isEqualTo(
                        "{\"predictions\":["
                                + "{\"predicted_label\":\"true\",\"probability\":\"0.97312\","
                                + "\"probabilities\":[0.026880026,0.97312],"
                                + "\"labels\":[\"false\",\"true\"]},"
                                + "{\"predicted_label\":\"false\",\"probability\":\"0.75\","
                                + "\"probabilities\":[0.75,0.25],"
                                + "\"labels\":[\"false\",\"true\"]}]}");
    }

    /**
     * Built-in XGBoost without SAGEMAKER_INFERENCE_OUTPUT answers {@code ",".join(map(str,
     * preds.tolist()))}: one line, no line break (aws/sagemaker-xgboost-container,
     * algorithm_mode/serve.py).
     */
    @Test
    void xgboostIsOneLineOfProbabilities() {
        assertThat(text(ResponseFormat.oneLineOfProbabilities(PROBABILITIES)))
                .isEqualTo("0.97312,0.5,0.49999,0.00001,0.0,1.0");
    }

    @Test
    void probabilitiesReadBackAsTheSameFloats() {
        String[] lines =
                csv(AnswerStyle.ENSEMBLING, List.of(InferenceKey.PROBABILITIES), PROBABILITIES)
                        .split("\n");

        for (int i = 0; i < PROBABILITIES.length; i++) {
            String list = lines[i].substring(2, lines[i].length() - 2);
            assertThat(Float.parseFloat(list.split(", ")[1])).isEqualTo(PROBABILITIES[i]);
        }
    }

    @Test
    void contentTypes() {
        assertThat(ResponseFormat.CSV.contentType()).isEqualTo("text/csv");
        assertThat(ResponseFormat.JSON.contentType()).isEqualTo("application/json");
    }

    private static String csv(AnswerStyle style, List<InferenceKey> keys, float... probabilities) {
        return text(ResponseFormat.CSV.format(style, keys, probabilities, p -> p >= 0.5));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
