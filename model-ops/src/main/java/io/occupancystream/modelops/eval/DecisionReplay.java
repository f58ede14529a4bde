package io.occupancystream.modelops.eval;

import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.RoomDecider;
import io.occupancystream.model.decision.RoomDecision;
import io.occupancystream.model.decision.RoomRule;
import io.occupancystream.modelops.data.TrainingSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Labelled rows replayed in arrival order (by timestamp, then thing name, as a replay of a
 * recording sends them) through one {@link RoomDecider} per room, the class the job keeps per room:
 * each row's probability updates its device's latch and vote, and the room's fresh votes are fused
 * and latched. So what model-ops measures is what the job decides.
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
        boolean[] device = new boolean[rows.rows()];
        boolean[] room = new boolean[rows.rows()];
        Map<String, RoomDecider> rooms = new HashMap<>();
        for (int r : arrivalOrder(rows)) {
            RoomDecision d =
                    rooms.computeIfAbsent(rows.room(r), k -> new RoomDecider())
                            .decide(
                                    rows.thing(r),
                                    rows.timestamp(r),
                                    probabilities[r],
                                    deviceRule,
                                    roomRule);
            device[r] = d.deviceOccupancy;
            room[r] = d.roomOccupancy;
        }
        return new DecisionReplay(device, room);
    }

    /** Row indexes by timestamp, then thing name. */
    static int[] arrivalOrder(TrainingSet rows) {
        return IntStream.range(0, rows.rows())
                .boxed()
                .sorted(
                        Comparator.<Integer>comparingLong(rows::timestamp)
                                .thenComparing(rows::thing))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
