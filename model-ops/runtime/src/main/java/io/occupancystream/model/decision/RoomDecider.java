package io.occupancystream.model.decision;

import java.util.HashMap;
import java.util.Map;

/**
 * One room's decisions, taken result by result as the results arrive: the device's {@link Latch}
 * takes its probability under the device rule, the device's {@link Vote} replaces its older one,
 * votes gone stale (older than the room rule's freshness window at the result's timestamp) are
 * dropped, the fresh ones are fused and the room's latch decides. The job keeps one per room in
 * keyed state and model-ops' replay one per room in a map, so both decide every row alike.
 *
 * <p>A result older than its device's newest changes no latch (see {@link Latch#update}) and leaves
 * the device's newer vote in place. A Flink POJO; not thread-safe.
 */
public class RoomDecider {
    /** Each device's latch, by thing name. */
    public Map<String, Latch> devices = new HashMap<>();

    /** Each fresh device's newest vote, by thing name. */
    public Map<String, Vote> votes = new HashMap<>();

    public Latch room = new Latch();

    /**
     * The probability a result votes with: the model's, or, for a result the rule decided (the rule
     * scorer, a fallback), 1 for occupied and 0 for not.
     */
    public static double probabilityOf(Double probability, boolean scoredOccupied) {
        if (probability != null) {
            return probability;
        }
        return scoredOccupied ? 1.0 : 0.0;
    }

    /**
     * Takes {@code device}'s probability at {@code timestamp} (epoch seconds) and returns its own
     * and its room's decision after it.
     */
    public RoomDecision decide(
            String device,
            long timestamp,
            double probability,
            DecisionRule deviceRule,
            RoomRule roomRule) {
        Latch latch = devices.computeIfAbsent(device, d -> new Latch());
        boolean late = isBehind(latch, timestamp);
        boolean deviceOccupied =
                late
                        ? alone(deviceRule, probability, latch)
                        : latch.update(deviceRule, probability, timestamp);
        Vote vote = new Vote(timestamp, probability, deviceOccupied);
        if (!late) {
            votes.put(device, vote);
            votes.values().removeIf(v -> timestamp - v.timestamp > roomRule.freshnessSeconds);
        }
        Map<String, Vote> voting = votes;
        if (late) {
            voting = new HashMap<>(votes);
            voting.put(device, vote);
        }
        double score = roomRule.fuse(voting.values(), timestamp);
        int voters = 0;
        for (Vote v : voting.values()) {
            voters += timestamp - v.timestamp > roomRule.freshnessSeconds ? 0 : 1;
        }
        boolean roomOccupied =
                isBehind(room, timestamp)
                        ? alone(roomRule.decision, score, room)
                        : room.update(roomRule.decision, score, timestamp);
        return new RoomDecision(deviceOccupied, roomOccupied, score, voters);
    }

    private static boolean isBehind(Latch latch, long timestamp) {
        return latch.started && timestamp < latch.latest;
    }

    /**
     * A value older than what {@code latch} has taken, decided by the thresholds alone (no wait can
     * be judged out of order), and between them as the latch stands; the latch is left as it is.
     */
    private static boolean alone(DecisionRule rule, double value, Latch latch) {
        if (value >= rule.enter) {
            return true;
        }
        return value >= rule.leave && latch.occupied;
    }
}
