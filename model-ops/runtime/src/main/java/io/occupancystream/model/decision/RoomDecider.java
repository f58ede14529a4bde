package io.occupancystream.model.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One room's decisions, taken result by result as the results arrive: the device's {@link Latch}
 * takes its probability under the device rule, the device's {@link Vote} replaces its older one,
 * votes older than the room rule's freshness window at the result's timestamp are dropped, the
 * votes within that window of the result's timestamp (either side: a device that runs far ahead, as
 * in a fast replay through parallel tasks, does not vote about a time it has long left) are fused,
 * and the room's latch decides. The job keeps one per room in keyed state and model-ops' replay one
 * per room in a map, so both decide every row alike.
 *
 * <p>A result older than its device's newest (async scoring may answer out of order) changes no
 * latch and no vote: it is decided by the thresholds alone (at or above {@code enter} occupied,
 * below {@code leave} empty, between them as the latch stands), its room from the votes with its
 * own in place of its device's newer one. The same holds for the room's latch and a result older
 * than the room's newest (a device behind the others). So a device in a room of its own with a
 * plain threshold decides every result exactly by that threshold, whatever the order. A Flink POJO;
 * not thread-safe.
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
     * Takes {@code device}'s probability at {@code timestamp} (epoch seconds), when it had heard
     * nothing loud for {@code quietSeconds} ({@link QuietSpan}), and returns its own and its room's
     * decision after it.
     */
    public RoomDecision decide(
            String device,
            long timestamp,
            double probability,
            long quietSeconds,
            DecisionRule deviceRule,
            RoomRule roomRule) {
        Latch latch = devices.computeIfAbsent(device, d -> new Latch());
        boolean late = isBehind(latch, timestamp);
        boolean deviceOccupied = decideOn(latch, deviceRule, probability, timestamp);
        Vote vote = new Vote(timestamp, probability, deviceOccupied, quietSeconds);
        if (!late) {
            votes.put(device, vote);
            votes.values().removeIf(v -> timestamp - v.timestamp > roomRule.freshnessSeconds);
        }
        Map<String, Vote> newest = votes;
        if (late) {
            newest = new HashMap<>(votes);
            newest.put(device, vote);
        }
        List<Vote> voting = new ArrayList<>();
        for (Vote v : newest.values()) {
            if (Math.abs(timestamp - v.timestamp) <= roomRule.freshnessSeconds) {
                voting.add(v);
            }
        }
        double score = roomRule.fuse(voting, timestamp);
        int voters = voting.size();
        boolean roomOccupied = decideOn(room, roomRule.decision, score, timestamp);
        return new RoomDecision(deviceOccupied, roomOccupied, score, voters);
    }

    /**
     * What {@code latch} decides on {@code value} at {@code timestamp} under {@code rule}, as every
     * device's and room's latch here decides: a value older than the latch's newest by the
     * thresholds alone, leaving the latch as it is.
     */
    public static boolean decideOn(Latch latch, DecisionRule rule, double value, long timestamp) {
        return isBehind(latch, timestamp)
                ? alone(rule, value, latch)
                : latch.update(rule, value, timestamp);
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
