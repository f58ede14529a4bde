package io.occupancystream.job.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.model.decision.QuietSpan;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeatureTest {
    // 2017-12-22T05:19:41Z.
    private static final long T = 1513919981L;

    @Test
    void columnsAreTheContractInOrder() {
        assertThat(Feature.columns())
                .containsExactly(
                        "loud_share_90s",
                        "loud_share_3m",
                        "loud_share_5m",
                        "loud_share_15m",
                        "hvac_heating",
                        "hvac_cooling",
                        "hvac_standby");
    }

    @Test
    void theQuietSpanIsTheLongestLoudShareWindowAtZero() {
        // A loud reading 120 s ago (floor 1, loud above 2) and quiet ones since: nothing loud in
        // the last 90 s, but within the last 3 minutes.
        List<Sample> history = List.of(new Sample(T - 120, 5), new Sample(T - 60, 1));
        Reading r = new Reading("a", T, 70.5, 1, HvacStatus.STANDBY, null);

        double[] v = Feature.vector(new RecentReadings(r, history, 1));

        assertThat(Feature.quietSeconds(v)).isEqualTo(90);
        assertThat(Feature.quietSeconds(new double[] {0, 0, 0, 0, 0, 0, 1})).isEqualTo(15 * 60);
        assertThat(Feature.quietSeconds(new double[] {0.5, 0.5, 0.5, 0.5, 0, 0, 1})).isZero();
    }

    @Test
    void everyLoudShareWindowIsOneTheQuietSpanReads() {
        List<Long> spans =
                Feature.columns().stream()
                        .map(QuietSpan::windowSeconds)
                        .filter(s -> s > 0)
                        .collect(Collectors.toList());
        assertThat(spans).containsExactly(90L, 180L, 300L, RecentReadings.LONG_SECONDS);
        assertThat(RecentReadings.WINDOWS).containsExactly(90L, 180L, 300L, 900L);
    }

    @Test
    void firstReadingOfADeviceIsItsOwnFloorAndNotLoud() {
        Reading r = new Reading("a", T, 70.5, 4, HvacStatus.HEATING, true);

        double[] v = Feature.vector(new RecentReadings(r, List.of(), 4));

        assertThat(v).containsExactly(0, 0, 0, 0, 1, 0, 0);
    }

    @Test
    void rollingFeaturesUseTheirWindowsAndTheFloor() {
        // Hand-computed with floor 1.5, so loud is above 3. Ages of the samples kept: 0 (the
        // reading, 6), 60 (4), 240 (2), 300 (9), 600 (1), 899 (3); T-900 exactly and T+30 are
        // out. 90 s and 3 min hold 6 and 4: both loud. 5 min adds 2: 2 of 3 loud. 15 min: 6, 4
        // and 9 loud of 6.
        List<Sample> history =
                List.of(
                        new Sample(T - 900, 0.5),
                        new Sample(T - 899, 3),
                        new Sample(T - 600, 1),
                        new Sample(T - 300, 9),
                        new Sample(T - 240, 2),
                        new Sample(T - 60, 4),
                        new Sample(T + 30, 100));
        Reading r = new Reading("a", T, 70.5, 6, HvacStatus.STANDBY, null);

        double[] v = Feature.vector(new RecentReadings(r, history, 1.5));

        assertThat(v)
                .containsExactly(
                        1, // loud_share_90s
                        1, // loud_share_3m
                        0.666667, // loud_share_5m
                        0.5, // loud_share_15m
                        0, 0, 1);
    }

    @Test
    void noFeatureChangesWithMicrophoneSensitivity() {
        List<Sample> quiet =
                List.of(
                        new Sample(T - 600, 0.05),
                        new Sample(T - 120, 0.3),
                        new Sample(T - 60, 0.9));
        List<Sample> sensitive =
                quiet.stream()
                        .map(s -> new Sample(s.timestamp, s.sound * 37))
                        .collect(Collectors.toList());

        double[] a =
                Feature.vector(
                        new RecentReadings(new Reading("a", T, 70, 0.4, null, null), quiet, 0.06));
        double[] b =
                Feature.vector(
                        new RecentReadings(
                                new Reading("b", T, 70, 0.4 * 37, null, null),
                                sensitive,
                                0.06 * 37));

        assertThat(a[Feature.LOUD_SHARE_15M.ordinal()]).isEqualTo(0.75);
        for (Feature f : Feature.values()) {
            assertThat(b[f.ordinal()]).as(f.column()).isCloseTo(a[f.ordinal()], within(1e-6));
        }
    }

    @Test
    void silenceOnASilentFloorGivesZerosNotNaN() {
        double[] v =
                Feature.vector(
                        new RecentReadings(
                                new Reading("a", T, 70, 0, null, null),
                                List.of(new Sample(T - 30, 0)),
                                0));

        assertThat(Arrays.stream(v).allMatch(d -> d == 0)).isTrue();
    }

    @Test
    void valuesAreRoundedToSixDecimals() {
        Reading r = new Reading("a", T, 70, 1, null, null);
        List<Sample> history = List.of(new Sample(T - 200, 0.1), new Sample(T - 100, 0.1));

        double[] v = Feature.vector(new RecentReadings(r, history, 0.1));

        assertThat(v[Feature.LOUD_SHARE_5M.ordinal()]).isEqualTo(0.333333);
    }
}
