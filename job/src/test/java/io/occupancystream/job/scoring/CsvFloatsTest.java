package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.job.features.Feature;
import io.occupancystream.job.features.FeatureCsv;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFloatsTest {
    @Test
    void readsEveryFeatureRowTheJobWritesAsFloatParseFloatDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double[] vector = new double[Feature.values().length];
            for (int c = 0; c < vector.length; c++) {
                double magnitude = Math.pow(10, random.nextInt(6) - 2);
                vector[c] = Math.round(random.nextGaussian() * magnitude * 1e6) / 1e6;
            }
            String row = FeatureCsv.features(vector);
            float[] values = new float[vector.length];

            CsvFloats.read(row, vector.length, values, 0);

            String[] cells = row.split(",");
            for (int c = 0; c < vector.length; c++) {
                assertThat(Float.floatToRawIntBits(values[c]))
                        .as(cells[c])
                        .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(cells[c])));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0",
                "1.",
                ".5",
                "16777217",
                "16777219",
                "-16777217",
                "0.1",
                "3.4028235",
                "123456789012345",
                "1234567890123456789",
                "0.000000000000000000000000000000000000000001",
                "1e5",
                "1.5E-3",
                " 7",
                "NaN",
                "-Infinity",
                "0x1p3",
                "2.5f",
                "33554433.5"
            })
    void readsOddNumbersAsFloatParseFloatDoes(String text) {
        assertThat(Float.floatToRawIntBits(CsvFloats.parse(text, 0, text.length())))
                .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1,2", "abc", "1.2.3"})
    void failsOnWhatFloatParseFloatRefuses(String text) {
        assertThatThrownBy(() -> CsvFloats.parse(text, 0, text.length()))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void readsAValueAtAnOffsetAndRefusesRowsOfAnotherWidth() {
        float[] values = new float[5];

        CsvFloats.read("1.5,-2,0.25", 3, values, 2);

        assertThat(values).containsExactly(0, 0, 1.5f, -2f, 0.25f);
        assertThatThrownBy(() -> CsvFloats.read("1,2", 3, values, 0))
                .isInstanceOf(NumberFormatException.class)
                .hasMessage("expected 3 comma-separated values: 1,2");
        assertThatThrownBy(() -> CsvFloats.read("1,2,3,4", 3, values, 0))
                .isInstanceOf(NumberFormatException.class)
                .hasMessage("expected 3 comma-separated values: 1,2,3,4");
    }
}
