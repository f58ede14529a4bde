package io.occupancystream.job.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.job.JobSettings;
import io.occupancystream.job.OccupancyPipeline;
import io.occupancystream.job.PipelineOutputs;
import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.scoring.ScoringStages;
import io.occupancystream.model.OccupancyPredictor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the job's pipeline with model scoring on the test's MiniCluster and collects what it scored:
 * the results, and the featured readings the scoring stage received.
 */
public final class ScoringJobs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock NOW =
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private ScoringJobs() {}

    /** What one run produced. */
    public static final class Run {
        public final List<Result> results;
        public final List<FeaturedReading> featured;

        Run(List<Result> results, List<FeaturedReading> featured) {
            this.results = results;
            this.featured = featured;
        }
    }

    /** The job's settings: defaults, then these {@code group.key=value} overrides. */
    public static JobSettings config(List<String> overrides) {
        return JobSettings.withOverrides(overrides);
    }

    /** The scoring stage the job builds from these settings, falling back to their rule. */
    public static ScoringStage stage(JobSettings config) {
        return ScoringStages.of(config.scoring, config.scoring.rule());
    }

    /**
     * Runs the pipeline from {@code source} with {@code scoring}: parallelism 1, no checkpoints,
     * watermarks every 10 ms, and only the results (and the featured readings) collected.
     */
    public static Run run(JobSettings config, ReadingSource source, ScoringStage scoring)
            throws Exception {
        return run(config, source, scoring, new CollectingSink<>());
    }

    /** As above, into {@code results}, which the test may watch while the job runs. */
    public static Run run(
            JobSettings config,
            ReadingSource source,
            ScoringStage scoring,
            CollectingSink<Result> results)
            throws Exception {
        CollectingSink<FeaturedReading> featured = new CollectingSink<>();
        StreamExecutionEnvironment env = MiniClusters.environment();
        env.setParallelism(1);
        env.getConfig().setAutoWatermarkInterval(10);
        env.setBufferTimeout(5);
        ScoringStage capturing =
                readings -> {
                    featured.attach(readings);
                    return scoring.score(readings);
                };
        new OccupancyPipeline(
                        config,
                        source,
                        capturing,
                        config.scoring.rule(),
                        new PipelineOutputs(
                                results,
                                new CollectingSink<>(),
                                new CollectingSink<>(),
                                new CollectingSink<>()),
                        NOW)
                .build(env);
        env.execute("model scoring test");
        return new Run(results.values(), featured.values());
    }

    /** Replays {@code lines} through the pipeline, scored as {@code config} says. */
    public static Run run(JobSettings config, List<String> lines) throws Exception {
        return run(config, env -> env.fromData(lines), stage(config));
    }

    /**
     * Waits (polling every 5 ms) until {@code condition} holds; fails after {@code maxMillis}. For
     * hooks that hold a paced source until the job has got somewhere.
     */
    public static void await(String what, BooleanSupplier condition, long maxMillis) {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + maxMillis + " ms: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting until " + what, e);
            }
        }
    }

    /** The result ids ({@code thingName:timestamp}) of recorded readings, in recording order. */
    public static List<String> ids(List<String> lines) {
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            ids.add(id(read(line)));
        }
        return ids;
    }

    /**
     * What the model says for each featured reading's own row, by result id: the inference row as
     * {@link FeatureCsv#features} writes it, parsed back and scored alone by {@code predictor}.
     */
    public static Map<String, Float> modelProbabilities(
            OccupancyPredictor predictor, List<FeaturedReading> featured) {
        Map<String, Float> expected = new HashMap<>();
        for (FeaturedReading f : featured) {
            String[] cells = FeatureCsv.features(f.features).split(",");
            float[] row = new float[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = Float.parseFloat(cells[i]);
            }
            expected.put(f.reading.id(), predictor.probabilities(row, 1)[0]);
        }
        return expected;
    }

    /** Each recorded reading's sound level, by result id. */
    public static Map<String, Double> sounds(List<String> lines) {
        Map<String, Double> sounds = new HashMap<>();
        for (String line : lines) {
            JsonNode reading = read(line);
            sounds.put(id(reading), reading.at("/state/reported/sound").asDouble());
        }
        return sounds;
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(line, e);
        }
    }

    private static String id(JsonNode reading) {
        return reading.get("thingName").asText() + ":" + reading.get("timestamp").asLong();
    }

    /** Waits until every one of {@code ids} has its result. */
    public static void awaitResults(CollectingSink<Result> results, List<String> ids) {
        results.await(
                "results of " + ids.size() + " readings",
                collected ->
                        collected.stream()
                                .map(Result::id)
                                .collect(Collectors.toSet())
                                .containsAll(ids),
                Duration.ofSeconds(30));
    }
}
