package io.occupancystream.job.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.Reading;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureTest {
    // 2017-12-22T05:19:41Z, a Friday; 10:49:41 in India.
    private static final long T = 1513919981L;
    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    @Test
    void columnsAreTheContractInOrder() {
        assertThat(Feature.columns())
                .containsExactly(
                        "temperature",
                        "sound",
                        "sound_mean_5m",
                        "sound_max_5m",
                        "sound_std_5m",
                        "sound_above_floor_15m",
                        "sound_cv_5m",
                        "temperature_change_15m",
                        "hour_of_day",
                        "day_of_week",
                        "hvac_heating",
                        "hvac_cooling",
                        "hvac_standby");
    }

    @Test
    void firstReadingOfADeviceHasOnlyItself() {
        Reading r = new Reading("a", T, 70.5, 4, HvacStatus.HEATING, true);

        double[] v = Feature.vector(new RecentReadings(r, List.of(), INDIA));

        assertThat(v).containsExactly(70.5, 4, 4, 4, 0, 0, 0, 0, 10, 5, 1, 0, 0);
    }

    @Test
    void rollingFeaturesUseTheLastFiveAndFifteenMinutes() {
        // Hand-computed: 5-minute window (T-300, T] holds sounds 2 (T-240), 4 (T-60), 6 (T):
        // mean 4, max 6, population std sqrt(8/3) = 1.632993. The 15-minute window (T-900, T]
        // adds 1 (T-600) and 3 (T-899, temperature 68): floor 1. T-900 exactly and T+30 are out.
        List<Sample> history =
                List.of(
                        new Sample(T - 900, 0.5, 60),
                        new Sample(T - 899, 3, 68),
                        new Sample(T - 600, 1, 69),
                        new Sample(T - 300, 9, 69),
                        new Sample(T - 240, 2, 69.5),
                        new Sample(T - 60, 4, 70),
                        new Sample(T + 30, 100, 80));
        Reading r = new Reading("a", T, 70.5, 6, HvacStatus.STANDBY, null);

        double[] v = Feature.vector(new RecentReadings(r, history, ZoneOffset.UTC));

        assertThat(v[Feature.SOUND_MEAN_5M.ordinal()]).isEqualTo(4.0);
        assertThat(v[Feature.SOUND_MAX_5M.ordinal()]).isEqualTo(6.0);
        assertThat(v[Feature.SOUND_STD_5M.ordinal()]).isEqualTo(1.632993);
        assertThat(v[Feature.SOUND_ABOVE_FLOOR_15M.ordinal()]).isEqualTo(0.6); // (4-1)/(4+1)
        assertThat(v[Feature.SOUND_CV_5M.ordinal()]).isEqualTo(0.408248); // 1.632993/4
        assertThat(v[Feature.TEMPERATURE_CHANGE_15M.ordinal()]).isEqualTo(2.5); // 70.5-68
        assertThat(v[Feature.HOUR_OF_DAY.ordinal()]).isEqualTo(5.0); // 05:19 UTC
        assertThat(v[Feature.DAY_OF_WEEK.ordinal()]).isEqualTo(5.0);
        assertThat(v[Feature.HVAC_STANDBY.ordinal()]).isEqualTo(1.0);
        assertThat(v[Feature.HVAC_HEATING.ordinal()] + v[Feature.HVAC_COOLING.ordinal()])
                .isEqualTo(0.0);
    }

    @Test
    void gainInvariantFeaturesDoNotChangeWithMicrophoneSensitivity() {
        List<Sample> quiet = List.of(new Sample(T - 600, 0.05, 70), new Sample(T - 60, 0.9, 70));
        List<Sample> loud =
                List.of(new Sample(T - 600, 0.05 * 37, 70), new Sample(T - 60, 0.9 * 37, 70));
        double[] a =
                Feature.vector(
                        new RecentReadings(new Reading("a", T, 70, 0.4, null, null), quiet, INDIA));
        double[] b =
                Feature.vector(
                        new RecentReadings(
                                new Reading("b", T, 70, 0.4 * 37, null, null), loud, INDIA));

        for (Feature f : List.of(Feature.SOUND_ABOVE_FLOOR_15M, Feature.SOUND_CV_5M)) {
            assertThat(b[f.ordinal()]).as(f.column()).isCloseTo(a[f.ordinal()], within(1e-6));
        }
        assertThat(b[Feature.SOUND_MEAN_5M.ordinal()])
                .isNotEqualTo(a[Feature.SOUND_MEAN_5M.ordinal()]);
    }

    @Test
    void silenceGivesZeroRatiosNotNaN() {
        double[] v =
                Feature.vector(
                        new RecentReadings(
                                new Reading("a", T, 70, 0, null, null),
                                List.of(new Sample(T - 30, 0, 70)),
                                INDIA));

        assertThat(Arrays.stream(v).allMatch(Double::isFinite)).isTrue();
        assertThat(v[Feature.SOUND_ABOVE_FLOOR_15M.ordinal()]).isZero();
        assertThat(v[Feature.SOUND_CV_5M.ordinal()]).isZero();
    }

    @Test
    void valuesAreRoundedToSixDecimals() {
        Reading r = new Reading("a", T, 76.8920000001, 1.0 / 3, null, null);

        double[] v = Feature.vector(new RecentReadings(r, List.of(), INDIA));

        assertThat(v[Feature.TEMPERATURE.ordinal()]).isEqualTo(76.892);
        assertThat(v[Feature.SOUND.ordinal()]).isEqualTo(0.333333);
    }
}
