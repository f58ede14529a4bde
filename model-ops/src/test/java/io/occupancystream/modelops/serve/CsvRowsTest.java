package io.occupancystream.modelops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRowsTest {
    private static final List<String> FEATURES = List.of("temperature", "sound", "sound_mean_5m");
    private static final String TAKES_3 = "the model takes 3 (temperature,sound,sound_mean_5m)";

    static Stream<Arguments> validBodies() {
        return Stream.of(
                arguments("1,2,3", new float[] {1, 2, 3}),
                arguments("1,2,3\n", new float[] {1, 2, 3}),
                arguments("1,2,3\r\n4.5,-6,7e2", new float[] {1, 2, 3, 4.5f, -6, 700}),
                arguments("1,2,3\n4,5,6\n", new float[] {1, 2, 3, 4, 5, 6}),
                arguments(" 1 , 2\t,3 ", new float[] {1, 2, 3}),
                arguments("+1,.5,5.", new float[] {1, 0.5f, 5}),
                arguments("0.1,1E-3,76.892", new float[] {0.1f, 0.001f, 76.892f}));
    }

    @ParameterizedTest
    @MethodSource("validBodies")
    void parsesRowsInOrderRowMajor(String body, float[] expected) throws ErrorResponse {
        CsvRows rows = CsvRows.parse(body.getBytes(StandardCharsets.UTF_8), FEATURES);

        assertThat(rows.count()).isEqualTo(expected.length / 3);
        assertThat(rows.values()).containsExactly(expected);
    }

    static Stream<Arguments> invalidBodies() {
        String empty =
                "request body is empty; send one or more CSV rows of 3 values"
                        + " (temperature,sound,sound_mean_5m)";
        return Stream.of(
                arguments("", empty),
                arguments("\n", empty),
                arguments(" \r\n", empty),
                arguments("1,2", "row 1 has 2 values, " + TAKES_3),
                arguments("1,2,3\n4,5,6\n7,8,9,false", "row 3 has 4 values, " + TAKES_3),
                arguments("1,2,3\n\n4,5,6", "row 2 is empty"),
                arguments("1,2,3\n\n", "row 2 is empty"),
                arguments("1,abc,3", "row 1, column sound: 'abc' is not a number"),
                arguments("1,2,3\n4,5,1-2", "row 2, column sound_mean_5m: '1-2' is not a number"),
                arguments("1,2f,3", "row 1, column sound: '2f' is not a number"),
                arguments("0x1p3,2,3", "row 1, column temperature: '0x1p3' is not a number"),
                arguments("1,,3", "row 1, column sound: the value is empty"),
                arguments("1,2,NaN", "row 1, column sound_mean_5m: 'NaN' is not a finite number"),
                arguments(
                        "-Infinity,2,3",
                        "row 1, column temperature: '-Infinity' is not a finite number"),
                arguments("1,2,1e39", "row 1, column sound_mean_5m: '1e39' is not a finite number"),
                arguments(
                        "1,2," + "x".repeat(40),
                        "row 1, column sound_mean_5m: '" + "x".repeat(32) + "...' is not a number"),
                arguments(
                        "temperature,sound,sound_mean_5m\n1,2,3",
                        "row 1 is the header (temperature,sound,sound_mean_5m); send values only"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void rejectsWithTheRowAndColumn(String body, String message) {
        ErrorResponse error =
                catchThrowableOfType(
                        ErrorResponse.class,
                        () -> CsvRows.parse(body.getBytes(StandardCharsets.UTF_8), FEATURES));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.errorCode()).isEqualTo("ValidationError");
        assertThat(error.getMessage()).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/csv",
                "text/csv; charset=utf-8",
                "TEXT/CSV;charset=UTF-8",
                "text/csv; charset=\"utf-8\"",
                "text/csv; header=absent"
            })
    void acceptsCsv(String contentType) {
        assertThatNoException().isThrownBy(() -> CsvRows.requireCsv(contentType));
    }

    static Stream<Arguments> unsupportedContentTypes() {
        return Stream.of(
                arguments(null, "Content-Type is missing; send text/csv"),
                arguments(
                        "application/json",
                        "Content-Type application/json is not supported; send text/csv"),
                arguments(
                        "text/csv; charset=iso-8859-1",
                        "charset iso-8859-1 is not supported; send UTF-8"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedContentTypes")
    void rejectsOtherContentTypesWith415(String contentType, String message) {
        ErrorResponse error =
                catchThrowableOfType(ErrorResponse.class, () -> CsvRows.requireCsv(contentType));

        assertThat(error.status()).isEqualTo(415);
        assertThat(error.errorCode()).isEqualTo("ValidationError");
        assertThat(error.getMessage()).isEqualTo(message);
    }
}
