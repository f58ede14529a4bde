package io.occupancystream.modelops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.testing.IdentifiedRows;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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

    @Test
    void aRoomWhoseDevicesHaveAllBeenQuietScoresZero() throws Exception {
        // The feature is the 90-second loud share: a is quiet from T+30, b from T+60; both
        // stay confident (0.9). With a 90 s quiet span the room scores 0 from T+60.
        TrainingSet rows =
                new IdentifiedRows("loud_share_90s")
                        .row(T, "a", "lab", 0.5, true)
                        .row(T, "b", "lab", 0.5, true)
                        .row(T + 30, "a", "lab", 0, true)
                        .row(T + 30, "b", "lab", 0.5, true)
                        .row(T + 60, "a", "lab", 0, false)
                        .row(T + 60, "b", "lab", 0, false)
                        .read(dir);
        double[] p = {0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        DecisionRule half = DecisionRule.threshold(0.5);

        DecisionReplay quiet =
                DecisionReplay.of(rows, p, half, new RoomRule(FusionMethod.MEAN, half, 120, 90));
        DecisionReplay never =
                DecisionReplay.of(rows, p, half, new RoomRule(FusionMethod.MEAN, half, 120));

        assertThat(decisionsOf(rows, quiet.room, "a")).containsExactly(true, true, true);
        assertThat(decisionsOf(rows, quiet.room, "b")).containsExactly(true, true, false);
        assertThat(decisionsOf(rows, never.room, "b")).containsExactly(true, true, true);
    }

    @Test
    void roomScoresThenRoomDecisionsAreTheReplaysRoomDecisions() throws Exception {
        // Two rooms of three devices, readings 30 s apart with a few out of order, random
        // probabilities and loud shares: for every fusion and quiet span, and many room rules,
        // the decisions from the fused scores are the full replay's.
        Random random = new Random(11);
        IdentifiedRows identified = new IdentifiedRows("loud_share_90s");
        for (int i = 0; i < 400; i++) {
            for (String thing : List.of("a", "b", "c", "d", "e", "f")) {
                long t = T + i * 30L + (random.nextInt(10) == 0 ? -45 : 0);
                String room = thing.compareTo("c") <= 0 ? "one" : "two";
                double loud = random.nextInt(3) == 0 ? 0 : random.nextDouble();
                identified.row(t, thing, room, loud, random.nextBoolean());
            }
        }
        TrainingSet rows = identified.read(dir);
        double[] p = random.doubles(rows.rows()).toArray();
        DecisionReplay.Arrivals arrivals = DecisionReplay.Arrivals.of(rows);
        DecisionRule device = new DecisionRule(0.6, 0.4, 30, 60);
        for (FusionMethod method : FusionMethod.values()) {
            for (long quiet : new long[] {0, 90}) {
                RoomRule fusion = new RoomRule(method, device, 90, quiet);
                double[] scores = DecisionReplay.roomScores(arrivals, p, device, fusion);
                for (int k = 0; k < 20; k++) {
                    double enter = 0.3 + random.nextInt(10) * 0.05;
                    DecisionRule rule =
                            new DecisionRule(
                                    enter,
                                    enter - random.nextInt(3) * 0.1,
                                    random.nextInt(4) * 30,
                                    random.nextInt(4) * 60);
                    RoomRule room = new RoomRule(method, rule, 90, quiet);

                    assertThat(DecisionReplay.roomDecisions(arrivals, scores, rule))
                            .as("%s", room)
                            .containsExactly(DecisionReplay.of(rows, p, device, room).room);
                }
            }
        }
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
