package io.occupancystream.job.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.data.TrainingSet;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureCsvTest {
    @Test
    void headerIsIdentityThenFeaturesThenTarget() {
        assertThat(FeatureCsv.header())
                .isEqualTo(
                        "timestamp,thing_name,room,sound,"
                                + "loud_share_90s,loud_share_3m,loud_share_5m,loud_share_15m,"
                                + "hvac_heating,hvac_cooling,hvac_standby,"
                                + "roomoccupancy");
    }

    @Test
    void trainingRowIsTheIdentityThenTheInferenceRowThenTheLabel() {
        double[] v = new double[Feature.values().length];
        v[0] = 0.5;
        v[1] = 0.08;
        v[v.length - 1] = -0.5;
        String features = FeatureCsv.features(v);

        assertThat(features).isEqualTo("0.5,0.08,0,0,0,0,-0.5");
        assertThat(FeatureCsv.trainingRow(1513919981, "roe-s1", "roe-room", 0.08, v, true))
                .isEqualTo("1513919981,roe-s1,roe-room,0.08," + features + ",true");
    }

    @Test
    void namesWithCommasQuotesOrLineBreaksArePercentEncoded() {
        assertThat(FeatureCsv.name("Lab 2, \"east\"\n100%"))
                .isEqualTo("Lab 2%2C %22east%22%0A100%25");
    }

    @ParameterizedTest
    @CsvSource({
        "0.0,0",
        "-0.0,0",
        "10.0,10",
        "0.000001,0.000001",
        "1234567.5,1234567.5",
        "1e-4,0.0001"
    })
    void numbersArePlainDecimals(double value, String text) {
        assertThat(FeatureCsv.number(value)).isEqualTo(text);
    }

    @Test
    void numbersOfSixPlacesOrFewerAreWrittenAsBigDecimalWritesThem() {
        Random random = new Random(42);
        for (int i = 0; i < 400_000; i++) {
            long scaled =
                    i < 200_000
                            ? i - 100_000 // every value of -0.1 to 0.1 in steps of 0.000001
                            : random.nextLong() % 1_000_000_000_000L; // up to 10^6 either side
            double value = scaled / 1e6;

            assertThat(FeatureCsv.number(value)).isEqualTo(viaBigDecimal(value));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.1234567", "3.0E-7", "1.0E20", "-2.5E15", "123456789012.5"})
    void otherNumbersAreWrittenAsBigDecimalWritesThem(double value) {
        assertThat(FeatureCsv.number(value)).isEqualTo(viaBigDecimal(value));
    }

    private static String viaBigDecimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Test
    void modelOpsReadsTheSameTargetAndRuleColumn() {
        assertThat(FeatureCsv.TARGET).isEqualTo(ModelCard.DEFAULT_TARGET);
        assertThat(ModelCard.ID_COLUMNS.get(3)).isEqualTo(TrainingSet.RULE_COLUMN);
    }

    @Test
    void refusesAVectorOfAnotherLength() {
        assertThatThrownBy(() -> FeatureCsv.features(new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 7 features, got 3");
    }
}
