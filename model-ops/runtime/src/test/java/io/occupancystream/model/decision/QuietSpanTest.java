package io.occupancystream.model.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuietSpanTest {
    private static final List<String> COLUMNS =
            List.of("loud_share_90s", "loud_share_3m", "hvac_heating", "loud_share_15m");

    @Test
    void theLongestLoudShareWindowAtZero() {
        QuietSpan quiet = QuietSpan.of(COLUMNS);
        assertThat(quiet.seconds(new double[] {0.5, 0.2, 0, 0.1})).isZero();
        assertThat(quiet.seconds(new double[] {0, 0.2, 0, 0.1})).isEqualTo(90);
        assertThat(quiet.seconds(new double[] {0, 0, 1, 0.1})).isEqualTo(180);
        assertThat(quiet.seconds(new double[] {0, 0, 1, 0})).isEqualTo(900);
    }

    @Test
    void readsRowsByColumnIndexAsVectors() {
        float[] row = {0, 0, 1, 0.25f};
        assertThat(QuietSpan.of(COLUMNS).seconds(c -> row[c])).isEqualTo(180);
    }

    @Test
    void windowsInSecondsMinutesAndHours() {
        assertThat(QuietSpan.windowSeconds("loud_share_90s")).isEqualTo(90);
        assertThat(QuietSpan.windowSeconds("loud_share_5m")).isEqualTo(300);
        assertThat(QuietSpan.windowSeconds("loud_share_2h")).isEqualTo(7200);
        assertThat(QuietSpan.windowSeconds("loud_share")).isZero();
        assertThat(QuietSpan.windowSeconds("sound")).isZero();
    }

    @Test
    void withoutLoudShareColumnsADeviceIsNeverQuiet() {
        assertThat(QuietSpan.of(List.of("sound", "temperature")).seconds(new double[] {0, 0}))
                .isZero();
    }
}
