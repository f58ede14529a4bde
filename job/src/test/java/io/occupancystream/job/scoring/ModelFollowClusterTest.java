package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.metrics.CloudWatchNames;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.PacedSource;
import io.occupancystream.job.testing.ScoringJobs;
import io.occupancystream.job.testing.ScoringJobs.Run;
import io.occupancystream.job.testing.TrainedModels;
import io.occupancystream.job.testing.VariedReadings;
import io.occupancystream.model.ModelArtifact;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.OccupancyPredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay scored by the embedded model while its model folder changes under the running job: a new
 * card is written mid-stream, then one the job cannot use. The model is the test model that
 * model-ops trained; the second version is simulated: the same booster, its card given another
 * version and threshold 0 (every reading occupied), so that the switch shows in every label.
 */
class ModelFollowClusterTest {
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.reportingTo(REPORTER, 2);

    private static final String V2 = "simulated-v2-threshold-0";

    @Test
    void cardWrittenMidStreamSwitchesScoringEveryReadingScoredOnceAndABadCardIsRefused(
            @TempDir Path model) throws Exception {
        for (String file : List.of(ModelCard.FILE, ModelArtifact.FILE)) {
            Files.copy(TrainedModels.model().resolve(file), model.resolve(file));
        }
        ModelCard v1 = ModelCard.read(model);
        List<String> recording = VariedReadings.recording(2, 60, 33);
        List<String> ids = ScoringJobs.ids(recording);
        CollectingSink<Result> results = new CollectingSink<>();
        IntConsumer changes =
                index -> {
                    if (index == 40) {
                        ScoringJobs.awaitResults(results, ids.subList(0, 20));
                        writeCard(model, V2, 0.0, v1.features);
                    } else if (index == 80) {
                        results.await(
                                "a result of " + V2,
                                collected ->
                                        collected.stream().anyMatch(r -> V2.equals(r.modelVersion)),
                                Duration.ofSeconds(30));
                        writeCard(model, "other-features", 0.5, TrainedModels.OTHER_FEATURES);
                    }
                };
        JobSettings config =
                ScoringJobs.config(
                        List.of(
                                "scoring.scorer=embedded",
                                "scoring.model.path=" + model,
                                "scoring.model.poll-interval=10 ms",
                                // Results in the order they were scored: in event-time order the
                                // rooms stage sorts each second's results by thing name, and a
                                // second can hold a reading scored before the switch and one after.
                                "rooms.order=arrival"));

        Run run =
                ScoringJobs.run(
                        config,
                        PacedSource.of(recording, 5, changes),
                        ScoringJobs.stage(config),
                        results);

        Map<String, Result> byId =
                run.results.stream().collect(Collectors.toMap(Result::id, r -> r));
        assertThat(run.results).hasSameSizeAs(recording);
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        Map<String, Float> probabilities;
        try (OccupancyPredictor predictor = OccupancyPredictor.load(TrainedModels.model())) {
            probabilities = ScoringJobs.modelProbabilities(predictor, run.featured);
        }
        for (int i = 0; i < ids.size(); i++) {
            Result r = byId.get(ids.get(i));
            String version = i < 20 ? v1.modelVersion : i >= 80 ? V2 : r.modelVersion;
            double threshold = version.equals(V2) ? 0.0 : v1.threshold;
            float p = probabilities.get(ids.get(i));
            assertThat(List.of(r.modelVersion, r.probability, r.roomOccupancy))
                    .as("reading %d", i)
                    .containsExactly(version, Double.valueOf(Float.toString(p)), p >= threshold);
        }
        List<String> versions =
                run.results.stream().map(r -> r.modelVersion).collect(Collectors.toList());
        assertThat(versions).contains(v1.modelVersion, V2).containsOnly(v1.modelVersion, V2);
        // results leave in the order the one scoring task scored them: none of v1 after v2's first
        assertThat(versions.lastIndexOf(v1.modelVersion)).isLessThan(versions.indexOf(V2));
        assertThat(counts(MetricName.MODEL_CARDS_REFUSED)).isEqualTo(1);
        // v2 only: the first poll's card is the one the task started with
        assertThat(counts(MetricName.MODEL_SWITCHES)).isEqualTo(1);
    }

    /** Written whole and moved into place, as the poller must never read half a card. */
    private static void writeCard(
            Path model, String version, double threshold, List<String> features) {
        try {
            ModelCard card = ModelCard.read(TrainedModels.model());
            card.modelVersion = version;
            card.threshold = threshold;
            card.features = new ArrayList<>(features);
            Path next = Files.createTempDirectory(model.getParent(), "next-card");
            card.write(next);
            Files.move(
                    next.resolve(ModelCard.FILE),
                    model.resolve(ModelCard.FILE),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sum of a counter over the operators that register it (not the copies MSF publishes). */
    private static long counts(MetricName metric) {
        long sum = 0;
        for (Map.Entry<MetricGroup, Map<String, Metric>> group :
                REPORTER.getMetricsByGroup().entrySet()) {
            List<String> scope = List.of(group.getKey().getScopeComponents());
            if (scope.get(scope.size() - 1).equals(metric.group())
                    && !scope.contains(CloudWatchNames.GROUP)) {
                Metric counter = group.getValue().get(metric.leaf());
                sum += counter == null ? 0 : ((Counter) counter).getCount();
            }
        }
        return sum;
    }
}
