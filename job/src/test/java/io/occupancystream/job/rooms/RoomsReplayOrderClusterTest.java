package io.occupancystream.job.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.results.DecisionRules;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.model.decision.RoomDecider;
import io.occupancystream.model.decision.RoomDecision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A replay of the December recording (recorded readings, half a day of it) through the whole
 * pipeline with the recording's one room of four devices and its rule: with the replay's default
 * {@code rooms.order} (event time) every result's room decision is the same at parallelism 2, where
 * the room's devices are featured and scored in two tasks at their own speeds, as at 1.
 */
class RoomsReplayOrderClusterTest {
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = MiniClusters.twoSlots();

    private static final Path RECORDING = Path.of("..", "test-data", "roe-2017-12.jsonl.gz");

    /** The recording's rule (test-data/roe-2017-12.properties.json). */
    private static final RuleScorer RULE = new RuleScorer(0.15);

    private static final List<String> RECORDING_SETTINGS =
            List.of(
                    "rooms.map=roe-s1=roe, roe-s2=roe, roe-s3=roe, roe-s4=roe",
                    "source.replay.since=2017-12-22T12:00:00Z",
                    "source.replay.until=2017-12-23T00:00:00Z");

    /** rooms.freshness's default, 2 min. */
    private static final long FRESHNESS_SECONDS = 120;

    /** Readings of the four devices stamped in the slice. */
    private static final int READINGS_IN_SLICE = 5516;

    @Test
    void aReplayDecidesEveryResultsRoomTheSameAtAnyParallelism() throws Exception {
        List<String> one = lines(results(1));
        List<String> two = lines(results(2));

        assertThat(one).hasSize(READINGS_IN_SLICE);
        assertThat(two).isEqualTo(one);
    }

    /**
     * What model-ops' DecisionReplay does with labelled rows: one {@link RoomDecider} per room
     * takes the rows by timestamp, then thing name. The replay at parallelism 2 decides each result
     * so.
     */
    @Test
    void aReplayDecidesAsOneDeciderTakingTheReadingsByTimestampThenThingName() throws Exception {
        List<Result> replayed = results(2);
        List<Result> inTime = new ArrayList<>(replayed);
        inTime.sort(
                Comparator.<Result>comparingLong(r -> r.timestamp).thenComparing(r -> r.thingName));
        RoomDecider room = new RoomDecider();
        List<String> expected = new ArrayList<>();
        for (Result r : inTime) {
            DecisionRules rules = r.rules != null ? r.rules : DecisionRules.RULE;
            RoomDecision d =
                    room.decide(
                            r.thingName,
                            r.timestamp,
                            RoomDecider.probabilityOf(r.probability, RULE.occupied(r.sound)),
                            r.quietSeconds,
                            rules.device,
                            rules.room(FRESHNESS_SECONDS));
            expected.add(r.id() + " device=" + d.deviceOccupancy + " room=" + d.roomOccupancy);
        }

        assertThat(expected).hasSize(READINGS_IN_SLICE);
        assertThat(
                        inTime.stream()
                                .map(
                                        r ->
                                                r.id()
                                                        + " device="
                                                        + r.deviceOccupancy
                                                        + " room="
                                                        + r.roomOccupancy))
                .containsExactlyElementsOf(expected);
    }

    private static List<Result> results(int parallelism) throws Exception {
        CollectingSink<Result> results = new CollectingSink<>();
        RoomsClusterTest.run(
                new ReplaySource(RECORDING.toString()),
                parallelism,
                RULE,
                results,
                RECORDING_SETTINGS);
        return results.values();
    }

    /** Each result's {@link Decided#line}, by id. */
    private static List<String> lines(List<Result> results) {
        return results.stream().map(Decided::line).sorted().collect(Collectors.toList());
    }
}
