package io.occupancystream.job.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.data.TrainingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureCsvTest {
    @Test
    void headerIsFeaturesThenTarget() {
        assertThat(FeatureCsv.header())
                .isEqualTo(
                        "temperature,sound,sound_mean_5m,sound_max_5m,sound_std_5m,"
                                + "sound_above_floor_15m,sound_cv_5m,temperature_change_15m,"
                                + "hour_of_day,day_of_week,hvac_heating,hvac_cooling,hvac_standby,"
                                + "roomoccupancy");
    }

    @Test
    void trainingRowIsTheInferenceRowPlusTheLabel() {
        double[] v = {76.892, 0.08, 0.08, 0.08, 0, 0, 0, -0.5, 10, 5, 0, 0, 1};

        assertThat(FeatureCsv.features(v)).isEqualTo("76.892,0.08,0.08,0.08,0,0,0,-0.5,10,5,0,0,1");
        assertThat(FeatureCsv.trainingRow(v, true))
                .isEqualTo("76.892,0.08,0.08,0.08,0,0,0,-0.5,10,5,0,0,1,true");
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
    void modelOpsReadsTheSameTargetAndRuleColumn() {
        assertThat(FeatureCsv.TARGET).isEqualTo(ModelCard.DEFAULT_TARGET);
        assertThat(Feature.SOUND.column()).isEqualTo(TrainingSet.RULE_COLUMN);
    }

    @Test
    void refusesAVectorOfAnotherLength() {
        assertThatThrownBy(() -> FeatureCsv.features(new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 13 features, got 3");
    }
}
