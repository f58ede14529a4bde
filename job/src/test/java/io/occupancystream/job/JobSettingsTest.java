package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.job.config.InvalidConfigException;
import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.kinesis.KinesisSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobSettingsTest {
    @Test
    void defaultsReplayTheBundledRecordingIntoOut() {
        JobSettings config = JobSettings.from(PropertyGroups.empty(JobSettings.ALL));

        assertThat(config.source.type).isEqualTo(SourceSettings.Type.REPLAY);
        assertThat(config.source.replayPath).isEqualTo("test-data/roe-2017-12.jsonl.gz");
        assertThat(config.source.maxOutOfOrderness).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.training.window).isEqualTo(Duration.ofHours(1));
        assertThat(config.training.path).isEqualTo("out/training");
        assertThat(config.scoring.ruleSoundThreshold).isEqualTo(10.0);
    }

    @Test
    void readsMsfRuntimePropertiesFileThenAppliesOverrides(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("props.json");
        Files.writeString(
                file,
                "[{\"PropertyGroupId\":\"source\",\"PropertyMap\":{\"max-out-of-orderness\":\"7"
                    + " s\"}},"
                    + "{\"PropertyGroupId\":\"output\",\"PropertyMap\":{\"path\":\"/tmp/a\"}}]");

        JobSettings config =
                JobSettings.from(
                        PropertyGroups.fromFile(JobSettings.ALL, file.toString())
                                .withOverrides(
                                        List.of(
                                                "output.path=/tmp/b",
                                                "training.window=15 min",
                                                "scoring.rule.sound-threshold=0.2")));

        assertThat(config.source.maxOutOfOrderness).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.output.path).isEqualTo("/tmp/b");
        assertThat(config.training.path).isEqualTo("/tmp/b/training");
        assertThat(config.training.window).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.scoring.ruleSoundThreshold).isEqualTo(0.2);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "source.type=kafka | source.type = 'kafka' is invalid: expected one of [replay,"
                        + " kinesis]",
                "training.window=7 min | training.window = '7 min' is invalid: expected a duration"
                        + " that divides one day (for example 15 min, 1 h, 1 d)",
                "training.window=0 s | training.window = '0 s' is invalid: expected a positive"
                        + " duration",
                "source.max-out-of-orderness=soon | source.max-out-of-orderness = 'soon' is"
                        + " invalid: expected a duration such as 500 ms, 5 s, 1 min, 1 h, 1 d",
                "scoring.rule.sound-threshold=-1 | scoring.rule.sound-threshold = '-1' is invalid:"
                        + " expected a number >= 0",
                "output.results=kafka | output.results = 'kafka' is invalid: expected one of"
                        + " [file, stdout, kinesis]",
                "output.late=kinesis | output.late = 'kinesis' is invalid: expected file or"
                        + " stdout",
                "kinesis.initial-position=EARLIEST | kinesis.initial-position = 'EARLIEST' is"
                        + " invalid: expected one of [latest, trim_horizon, at_timestamp]",
                "kinesis.initial-position=AT_TIMESTAMP | kinesis.initial-timestamp = '' is invalid:"
                        + " expected a UTC instant exactly when kinesis.initial-position is"
                        + " AT_TIMESTAMP",
                "kinesis.initial-timestamp=2024-01-08T09:00:00Z | kinesis.initial-timestamp ="
                        + " '2024-01-08T09:00:00Z' is invalid: expected a UTC instant exactly when"
                        + " kinesis.initial-position is AT_TIMESTAMP",
                "kinesis.results-stream= | kinesis.results-stream = '' is invalid: expected a"
                        + " non-empty value",
                "shadow.enabled=yes | shadow.enabled = 'yes' is invalid: expected true or false",
                "job.parallelism=two | job.parallelism = 'two' is invalid: expected a whole number"
                        + " >= 0",
                "source.replay.path= | source.replay.path = '' is invalid: expected a file or"
                        + " folder path"
            })
    void badValueFailsFastNamingKeyAndAllowedValues(String override, String message) {
        PropertyGroups groups =
                PropertyGroups.empty(JobSettings.ALL).withOverrides(List.of(override.trim()));

        assertThatThrownBy(() -> JobSettings.from(groups))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(message.trim());
    }

    @Test
    void enabledShadowNeedsItsEndpoint() {
        PropertyGroups groups =
                PropertyGroups.empty(JobSettings.ALL).withOverrides(List.of("shadow.enabled=true"));

        assertThatThrownBy(() -> JobSettings.from(groups))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("shadow.endpoint = '' is invalid: expected a non-empty value");
    }

    @Test
    void kinesisSettingsComeFromTheKinesisGroup() {
        JobSettings config =
                JobSettings.from(
                        PropertyGroups.empty(JobSettings.ALL)
                                .withOverrides(
                                        List.of(
                                                "source.type=kinesis",
                                                "kinesis.endpoint=http://127.0.0.1:4567",
                                                "kinesis.input-stream=in",
                                                "kinesis.initial-position=trim_horizon",
                                                "kinesis.sink.max-buffer-time=250 ms")));

        assertThat(config.source.type).isEqualTo(SourceSettings.Type.KINESIS);
        assertThat(config.kinesis.endpoint).isEqualTo("http://127.0.0.1:4567");
        assertThat(config.kinesis.inputStream).isEqualTo("in");
        assertThat(config.kinesis.initialPosition)
                .isEqualTo(KinesisSettings.InitialPosition.TRIM_HORIZON);
        assertThat(config.kinesis.resultsStream).isEqualTo("occupancy-results");
        assertThat(config.kinesis.sinkMaxBufferMillis).isEqualTo(250);
        assertThat(config.shadow).isNull();
    }

    @Test
    void unknownKeyIsRefused() {
        assertThatThrownBy(
                        () ->
                                PropertyGroups.empty(JobSettings.ALL)
                                        .withOverrides(List.of("training.windw=1 h")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(
                        "override 'training.windw=1 h' is not group.key=value with a known key");
    }

    @Test
    void unknownGroupOrKeyInAFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("props.json");
        Files.writeString(
                file, "[{\"PropertyGroupId\":\"scoring\",\"PropertyMap\":{\"scorr\":\"rule\"}}]");

        assertThatThrownBy(() -> PropertyGroups.fromFile(JobSettings.ALL, file.toString()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("unknown key 'scorr' in property group 'scoring'");
    }

    @Test
    void missingFileIsRefused() {
        assertThatThrownBy(() -> PropertyGroups.fromFile(JobSettings.ALL, "/no/such/file.json"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("config file /no/such/file.json does not exist");
    }
}
