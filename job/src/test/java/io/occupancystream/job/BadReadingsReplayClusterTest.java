package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.ingest.DeadLetter;
import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.reading.ReadingJson;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.MiniClusters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every line of the committed bad-input file lands in dead letters with its expected reason. */
class BadReadingsReplayClusterTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final Path BAD_READINGS = Path.of("..", "test-data", "bad-readings.jsonl");
    private static final Path REASONS = Path.of("..", "test-data", "bad-readings.reasons");

    @Test
    void eachBadLineBecomesADeadLetterWithItsReasonAndRawInput() throws Exception {
        List<String> lines = Files.readAllLines(BAD_READINGS, StandardCharsets.UTF_8);
        List<String> reasons = Files.readAllLines(REASONS, StandardCharsets.UTF_8);
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        CollectingSink<Result> results = new CollectingSink<>();

        StreamExecutionEnvironment env = MiniClusters.environment();
        env.setParallelism(1);
        RuleScorer rule = new RuleScorer(10);
        new OccupancyPipeline(
                        JobSettings.withOverrides(List.of()),
                        new ReplaySource(BAD_READINGS.toString()),
                        ScoringStage.of(rule),
                        rule,
                        new PipelineOutputs(
                                results,
                                deadLetters,
                                new CollectingSink<>(),
                                new CollectingSink<>()),
                        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build(env);
        env.execute("bad readings");

        assertThat(results.values()).isEmpty();
        List<DeadLetter> received = deadLetters.values();
        assertThat(received.stream().map(d -> d.reason.name()).collect(Collectors.toList()))
                .containsExactlyElementsOf(reasons);
        for (int i = 0; i < lines.size(); i++) {
            DeadLetter d = received.get(i);
            String line = lines.get(i);
            assertThat(d.rawBytes).isEqualTo(line.getBytes(StandardCharsets.UTF_8).length);
            assertThat(line).startsWith(d.raw);
            assertThat(d.truncated).isEqualTo(d.rawBytes > ReadingJson.MAX_BYTES);
            assertThat(d.raw.length())
                    .isEqualTo(d.truncated ? ReadingJson.MAX_BYTES : line.length());
            assertThat(d.detail).isNotBlank();
        }
    }
}
