package io.occupancystream.job.rooms;

import static io.occupancystream.job.testing.Recordings.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.OccupancyPipeline;
import io.occupancystream.job.PipelineOutputs;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.summary.PerPlace;
import io.occupancystream.job.summary.RunSummary;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.PacedSource;
import io.occupancystream.model.ConfusionMatrix;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rooms through the whole pipeline on a MiniCluster, with the rule scorer over a hand-written
 * recording (simulated readings) replayed in order: which room each reading is in, how a room's
 * devices are fused, and that a quiet device stops voting.
 */
class RoomsClusterTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    /** 2017-12-22T05:00:00Z. */
    private static final long T0 = 1513918800L;

    private static final Clock NOW =
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** The rule: occupied when sound > 10. */
    private static final RuleScorer RULE = new RuleScorer(10);

    @Test
    void readingsAreInTheRoomTheyNameElseTheMapsElseTheirOwnAndTheRoomFusesItsFreshDevices()
            throws Exception {
        List<String> recording =
                List.of(
                        json("a", T0, 70, 20, true),
                        json("b", T0, 70, 1, true),
                        ReadingJson.write(new Reading("c", T0, 70, 1, null, false).inRoom("hall")),
                        json("d", T0, 70, 30, true),
                        json("b", T0 + 60, 70, 2, true),
                        // a has been quiet for longer than rooms.freshness (2 min)
                        json("b", T0 + 180, 70, 2, false));
        CollectingSink<Result> results = new CollectingSink<>();

        RunSummary summary =
                run(
                        PacedSource.of(recording, 0),
                        1,
                        RULE,
                        results,
                        List.of("rooms.map=a=lab b=lab c=lab"));

        assertThat(results.values())
                .extracting(Decided::line)
                .containsExactly(
                        "a:" + T0 + " lab device=true room=true 1.0 of 1",
                        "b:" + T0 + " lab device=false room=true 0.5 of 2",
                        "c:" + T0 + " hall device=false room=false 0.0 of 1",
                        "d:" + T0 + " d device=true room=true 1.0 of 1",
                        "b:" + (T0 + 60) + " lab device=false room=true 0.5 of 2",
                        "b:" + (T0 + 180) + " lab device=false room=false 0.0 of 1");

        assertThat(summary.againstLabelsPer(PerPlace.ROOM).keySet())
                .containsExactly("d", "hall", "lab");
        assertThat(summary.againstLabelsPer(PerPlace.ROOM).get("lab").get(PerPlace.ROOM))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(3, 0, 1, 0));
        assertThat(summary.againstLabelsPer(PerPlace.DEVICE).get("b").get(PerPlace.DEVICE))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(0, 0, 1, 2));
    }

    /** Runs the pipeline from {@code source}, scored by {@code rule}, into {@code results}. */
    static RunSummary run(
            ReadingSource source,
            int parallelism,
            RuleScorer rule,
            CollectingSink<Result> results,
            List<String> overrides)
            throws Exception {
        StreamExecutionEnvironment env = MiniClusters.environment();
        env.setParallelism(parallelism);
        new OccupancyPipeline(
                        JobSettings.withOverrides(overrides),
                        source,
                        ScoringStage.of(rule),
                        rule,
                        new PipelineOutputs(
                                results,
                                new CollectingSink<>(),
                                new CollectingSink<>(),
                                new CollectingSink<>()),
                        NOW)
                .build(env);
        return new RunSummary(env.execute("rooms").getAllAccumulatorResults());
    }
}
