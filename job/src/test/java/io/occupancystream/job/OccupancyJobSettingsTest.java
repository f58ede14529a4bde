package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.scoring.ScoringSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OccupancyJobSettingsTest {

    private static PropertyGroups settings(String... args) throws Exception {
        OccupancyJob job = new OccupancyJob();
        new CommandLine(job).parseArgs(args);
        return job.settings(true);
    }

    @Test
    void aModelAloneScoresInProcess() throws Exception {
        PropertyGroups s = settings("--model", "out/model");
        assertThat(s.get(ScoringSettings.SCORER)).isEqualTo("embedded");
        assertThat(s.get(ScoringSettings.MODEL_PATH)).isEqualTo("out/model");
    }

    @Test
    void withoutAModelTheRuleStays() throws Exception {
        assertThat(settings("--out", "out/x").get(ScoringSettings.SCORER)).isEqualTo("rule");
    }

    @Test
    void aScorerNamedAnywhereWins(@TempDir Path dir) throws Exception {
        assertThat(settings("--model", "m", "--scorer", "endpoint").get(ScoringSettings.SCORER))
                .isEqualTo("endpoint");
        assertThat(
                        settings("--model", "m", "--set", "scoring.scorer=rule")
                                .get(ScoringSettings.SCORER))
                .isEqualTo("rule");
        Path config = dir.resolve("settings.json");
        Files.writeString(
                config,
                "[{\"PropertyGroupId\":\"scoring\",\"PropertyMap\":{\"scorer\":\"endpoint\"}}]");
        assertThat(
                        settings("--config", config.toString(), "--model", "m")
                                .get(ScoringSettings.SCORER))
                .isEqualTo("endpoint");
    }
}
