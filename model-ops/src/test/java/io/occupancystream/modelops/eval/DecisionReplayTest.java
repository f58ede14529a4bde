package io.occupancystream.modelops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.testing.IdentifiedRows;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows replayed in arrival order through the job's RoomDecider: device decisions with hysteresis,
 * the room's decision from its fresh devices, and a device that goes quiet stops voting.
 */
class DecisionReplayTest {
    private static final long T = 1513919981L;

    @TempDir Path dir;

    @Test
    void replaysEachDeviceAndRoomInArrivalOrderWhateverTheRowOrder() throws Exception {
        // Rows in file order b, a; in time a@0, b@0, a@30, b@30, a@60, a@300.
        TrainingSet rows =
                new IdentifiedRows()
                        .row(T + 30, "b", "lab", 0, true)
                        .row(T, "b", "lab", 0, true)
                        .row(T, "a", "lab", 0, true)
                        .row(T + 30, "a", "lab", 0, true)
                        .row(T + 60, "a", "lab", 0, false)
                        .row(T + 300, "a", "lab", 0, false)
                        .read(dir);
        double[] p = new double[rows.rows()];
        for (int r = 0; r < rows.rows(); r++) {
            p[r] = probability(rows.thing(r), rows.timestamp(r) - T);
        }
        DecisionRule hysteresis = new DecisionRule(0.7, 0.3, 0, 0);
        RoomRule max = new RoomRule(FusionMethod.MAX, hysteresis, 120);

        DecisionReplay replay = DecisionReplay.of(rows, p, hysteresis, max);

        // a: 0.9 enters, 0.5 stays (above leave 0.3), 0.2 leaves, 0.2 stays out.
        // b: 0.1 stays out, 0.1 stays out.
        // Room (MAX of fresh votes): 0.9, 0.9, 0.5, 0.5, 0.2; at T+300 b (T+30) is stale: 0.2.
        assertThat(decisionsOf(rows, replay.device, "a")).containsExactly(true, true, false, false);
        assertThat(decisionsOf(rows, replay.device, "b")).containsExactly(false, false);
        assertThat(decisionsOf(rows, replay.room, "a")).containsExactly(true, true, false, false);
        assertThat(decisionsOf(rows, replay.room, "b")).containsExactly(true, true);
    }

    @Test
    void aQuietDeviceStopsVotingForItsRoom() throws Exception {
        // b heard people at T and then went quiet; a hears nobody. At T+100 b is fresh (100 s),
        // at T+200 it is not (200 s > 120 s), so the room's MAX falls to a's 0.
        TrainingSet rows =
                new IdentifiedRows()
                        .row(T, "b", "lab", 0, true)
                        .row(T + 100, "a", "lab", 0, true)
                        .row(T + 200, "a", "lab", 0, false)
                        .read(dir);
        double[] p = new double[rows.rows()];
        for (int r = 0; r < rows.rows(); r++) {
            p[r] = rows.thing(r).equals("b") ? 1 : 0;
        }
        DecisionRule threshold = DecisionRule.threshold(0.5);

        DecisionReplay replay =
                DecisionReplay.of(
                        rows, p, threshold, new RoomRule(FusionMethod.MAX, threshold, 120));

        assertThat(decisionsOf(rows, replay.room, "a")).containsExactly(true, false);
    }

    private static double probability(String thing, long offset) {
        if (thing.equals("b")) {
            return 0.1;
        }
        return offset == 0 ? 0.9 : offset == 30 ? 0.5 : 0.2;
    }

    /** The decisions of one device's rows, in time order. */
    private static Boolean[] decisionsOf(TrainingSet rows, boolean[] decisions, String thing) {
        return java.util.stream.IntStream.range(0, rows.rows())
                .filter(r -> rows.thing(r).equals(thing))
                .boxed()
                .sorted(java.util.Comparator.comparingLong(rows::timestamp))
                .map(r -> decisions[r])
                .toArray(Boolean[]::new);
    }
}
