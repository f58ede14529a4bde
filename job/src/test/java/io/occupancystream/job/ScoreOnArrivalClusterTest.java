package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.results.Result;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.PacedSource;
import io.occupancystream.job.testing.Recordings;
import io.occupancystream.job.testing.ScoringJobs;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Readings are scored when they arrive, on the job's default settings (a 5 s out-of-orderness
 * bound) with rooms decided on arrival, as a Kinesis source has them (a replay's default, event
 * time, holds results for the watermark): the source holds each line until the reading before it
 * has its result, which it could not get if features waited for the watermark to pass it. A device
 * that goes quiet has its last reading scored, and another device's readings do not wait for it.
 */
class ScoreOnArrivalClusterTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final long T0 = 1513918800L;

    private static final List<String> RECORDING =
            List.of(
                    Recordings.json("quiet", T0, 70, 1, true),
                    Recordings.json("busy", T0, 70, 20, true),
                    Recordings.json("busy", T0 + 1, 70, 21, true),
                    Recordings.json("busy", T0 + 3, 70, 22, true),
                    Recordings.json("busy", T0 + 2, 70, 23, true),
                    Recordings.json("busy", T0 + 4, 70, 2, true),
                    "the end: held until every reading before it has its result");

    @Test
    void eachReadingIsScoredBeforeTheNextArrives() throws Exception {
        CollectingSink<Result> results = new CollectingSink<>();
        JobSettings config = ScoringJobs.config(List.of("rooms.order=arrival"));

        ScoringJobs.Run run =
                ScoringJobs.run(
                        config,
                        PacedSource.of(
                                RECORDING,
                                0,
                                line ->
                                        results.await(
                                                line + " results before line " + line,
                                                collected -> collected.size() == line,
                                                Duration.ofSeconds(20))),
                        ScoringJobs.stage(config),
                        results);

        List<String> readings = RECORDING.subList(0, RECORDING.size() - 1);
        assertThat(run.results).extracting(Result::id).isEqualTo(ScoringJobs.ids(readings));
        assertThat(run.results)
                .extracting(r -> r.roomOccupancy)
                .containsExactly(false, true, true, true, true, false);
        assertThat(run.featured.stream().map(f -> f.reading.id()).collect(Collectors.toList()))
                .isEqualTo(run.results.stream().map(Result::id).collect(Collectors.toList()));
    }
}
