package io.occupancystream.modelops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
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

    @Test
    void csvIsOneLabelAndProbabilityLinePerRowInOrder() {
        assertThat(text(ResponseFormat.CSV.format(PROBABILITIES, p -> p >= 0.5)))
                .isEqualTo(
                        "true,0.97312\n"
                                + "true,0.5\n"
                                + "false,0.49999\n"
                                + "false,0.00001\n"
                                + "false,0.0\n"
                                + "true,1.0\n");
    }

    @Test
    void jsonIsAutopilotsPredictionsWithStrings() {
        assertThat(text(ResponseFormat.JSON.format(new float[] {0.97312f, 0.25f}, p -> p >= 0.5)))
                .isEqualTo(
                        "{\"predictions\":["
                                + "{\"predicted_label\":\"true\",\"probability\":\"0.97312\"},"
                                + "{\"predicted_label\":\"false\",\"probability\":\"0.25\"}]}");
    }

    @Test
    void probabilitiesReadBackAsTheSameFloats() {
        String[] lines = text(ResponseFormat.CSV.format(PROBABILITIES, p -> true)).split("\n");

        for (int i = 0; i < PROBABILITIES.length; i++) {
            assertThat(Float.parseFloat(lines[i].split(",")[1])).isEqualTo(PROBABILITIES[i]);
        }
    }

    @Test
    void contentTypes() {
        assertThat(ResponseFormat.CSV.contentType()).isEqualTo("text/csv");
        assertThat(ResponseFormat.JSON.contentType()).isEqualTo("application/json");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
