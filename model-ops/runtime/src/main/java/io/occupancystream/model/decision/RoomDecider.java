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
        boolean deviceOccupied =
                devices.computeIfAbsent(device, d -> new Latch())
                        .update(deviceRule, probability, timestamp);
        Vote newest = votes.get(device);
        if (newest == null || newest.timestamp <= timestamp) {
            votes.put(device, new Vote(timestamp, probability, deviceOccupied));
        }
        votes.values().removeIf(v -> timestamp - v.timestamp > roomRule.freshnessSeconds);
        double score = roomRule.fuse(votes.values(), timestamp);
        boolean roomOccupied = room.update(roomRule.decision, score, timestamp);
        return new RoomDecision(deviceOccupied, roomOccupied, score, votes.size());
    }
}
