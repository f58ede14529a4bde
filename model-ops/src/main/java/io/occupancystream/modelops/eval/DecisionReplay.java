package io.occupancystream.modelops.eval;

import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.Latch;
import io.occupancystream.model.decision.QuietSpan;
import io.occupancystream.model.decision.RoomDecider;
import io.occupancystream.model.decision.RoomDecision;
import io.occupancystream.model.decision.RoomRule;
import io.occupancystream.modelops.data.TrainingSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

/**
 * Labelled rows replayed in arrival order (by timestamp, then thing name, as a replay of a
 * recording sends them) through one {@link RoomDecider} per room, the class the job keeps per room:
 * each row's probability and quiet span ({@link QuietSpan}, from its loud-share columns) update its
 * device's latch and vote, and the room's fresh votes are fused and latched. So what model-ops
 * measures is what the job decides.
 */
public final class DecisionReplay {
    /**
     * The freshness window for a card whose room rule names none: the job's {@code rooms.freshness}
     * default, 2 minutes.
     */
    public static final long DEFAULT_FRESHNESS_SECONDS = 120;

    /** The device's own decision for each row, in row order. */
    public final boolean[] device;

    /** The room's decision at each row (the result's {@code roomOccupancy}), in row order. */
    public final boolean[] room;

    private DecisionReplay(boolean[] device, boolean[] room) {
        this.device = device;
        this.room = room;
    }

    public static DecisionReplay of(
            TrainingSet rows, double[] probabilities, DecisionRule deviceRule, RoomRule roomRule) {
        return of(Arrivals.of(rows), probabilities, deviceRule, roomRule);
    }

    /** As {@link #of(TrainingSet, double[], DecisionRule, RoomRule)}, on rows put in order once. */
    public static DecisionReplay of(
            Arrivals rows, double[] probabilities, DecisionRule deviceRule, RoomRule roomRule) {
        boolean[] device = new boolean[probabilities.length];
        boolean[] room = new boolean[probabilities.length];
        replay(
                rows,
                probabilities,
                deviceRule,
                roomRule,
                (d, r) -> {
                    device[r] = d.deviceOccupancy;
                    room[r] = d.roomOccupancy;
                });
        return new DecisionReplay(device, room);
    }

    /**
     * The room's fused score at each row (in row order), under {@code fusion}'s method, freshness
     * and quiet span; its decision rule plays no part. With {@link #roomDecisions}, the room
     * decisions of {@link #of} for many room decision rules at the cost of one replay.
     */
    public static double[] roomScores(
            Arrivals rows, double[] probabilities, DecisionRule deviceRule, RoomRule fusion) {
        double[] scores = new double[probabilities.length];
        replay(rows, probabilities, deviceRule, fusion, (d, r) -> scores[r] = d.roomScore);
        return scores;
    }

    private static void replay(
            Arrivals rows,
            double[] probabilities,
            DecisionRule deviceRule,
            RoomRule roomRule,
            ObjIntConsumer<RoomDecision> decided) {
        Map<String, RoomDecider> rooms = new HashMap<>();
        for (int i = 0; i < rows.order.length; i++) {
            int r = rows.order[i];
            RoomDecision d =
                    rooms.computeIfAbsent(rows.room[i], k -> new RoomDecider())
                            .decide(
                                    rows.thing[i],
                                    rows.timestamp[i],
                                    probabilities[r],
                                    rows.quietSeconds[i],
                                    deviceRule,
                                    roomRule);
            decided.accept(d, r);
        }
    }

    /** Each row's room decision from {@link #roomScores}, latched per room under {@code rule}. */
    public static boolean[] roomDecisions(Arrivals rows, double[] scores, DecisionRule rule) {
        boolean[] room = new boolean[scores.length];
        Map<String, Latch> latches = new HashMap<>();
        for (int i = 0; i < rows.order.length; i++) {
            int r = rows.order[i];
            Latch latch = latches.computeIfAbsent(rows.room[i], k -> new Latch());
            room[r] = RoomDecider.decideOn(latch, rule, scores[r], rows.timestamp[i]);
        }
        return room;
    }

    /**
     * Rows in arrival order (by timestamp, then thing name) with what a replay reads of each: for
     * replaying the same rows under many rules.
     */
    public static final class Arrivals {
        final int[] order;
        final String[] thing;
        final String[] room;
        final long[] timestamp;
        final long[] quietSeconds;

        private Arrivals(TrainingSet rows) {
            order =
                    IntStream.range(0, rows.rows())
                            .boxed()
                            .sorted(
                                    Comparator.<Integer>comparingLong(rows::timestamp)
                                            .thenComparing(rows::thing))
                            .mapToInt(Integer::intValue)
                            .toArray();
            thing = new String[order.length];
            room = new String[order.length];
            timestamp = new long[order.length];
            quietSeconds = new long[order.length];
            QuietSpan quiet = QuietSpan.of(rows.features());
            for (int i = 0; i < order.length; i++) {
                int r = order[i];
                thing[i] = rows.thing(r);
                room[i] = rows.room(r);
                timestamp[i] = rows.timestamp(r);
                quietSeconds[i] = quiet.seconds(c -> rows.value(r, c));
            }
        }

        public static Arrivals of(TrainingSet rows) {
            return new Arrivals(rows);
        }
    }
}
