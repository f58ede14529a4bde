package io.occupancystream.modelops.train;

import io.occupancystream.model.ConfusionMatrix;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.eval.DecisionReplay;
import io.occupancystream.modelops.eval.GroupMetrics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses how probabilities become decisions, on validation rows only: first each device's {@link
 * DecisionRule} (enter and leave thresholds and how long each must hold), then the room's {@link
 * RoomRule} (whether a room whose devices are all quiet scores 0, and the room's own rule, for each
 * fusion method allowed), each the one whose worst device does best, replayed through {@link
 * DecisionReplay} as the job decides. Rules are tried simplest first (a plain threshold, no wait,
 * {@code MEAN}, no quiet rule) and a later one must do strictly better to replace it, so the same
 * rows always give the same rules.
 *
 * <p>The fusion method is {@link #DEFAULT_FUSION}, {@code MEAN}, unless the caller allows others:
 * validation rows twice chose {@code MAX} or {@code VOTE} over {@code MEAN}, and both times the
 * choice did far worse on a period the rows did not hold (docs/models.md), while a mean of
 * calibrated probabilities neither waits for a device that cannot hear a corner of the room nor
 * follows one device's false alarm.
 *
 * <p>The freshness window is not searched: rows where every device reports on time cannot tell
 * windows apart. It is {@link #FRESHNESS_PERIODS} of the devices' median reporting period, so a
 * device stops voting after about three missed readings.
 */
public final class DecisionChoice {
    static final double STEP = 0.05;
    static final double[] GAPS = {0, 0.1, 0.2, 0.3};
    static final long[] ENTER_AFTER = {0, 30, 60, 90};
    static final long[] LEAVE_AFTER = {0, 60, 120, 180};

    /** The room's {@link RoomRule#quietSeconds}: never, then the loud-share windows up to 5 min. */
    static final long[] QUIET = {0, 90, 3 * 60, 5 * 60};

    static final int FRESHNESS_PERIODS = 4;

    /** The fusion methods the room rule may use unless the caller allows others. */
    public static final Set<FusionMethod> DEFAULT_FUSION = Set.of(FusionMethod.MEAN);

    public final DecisionRule device;
    public final RoomRule room;

    private DecisionChoice(DecisionRule device, RoomRule room) {
        this.device = device;
        this.room = room;
    }

    /** As {@link #on(TrainingSet, double[], Set)}, fusing by {@link #DEFAULT_FUSION}. */
    public static DecisionChoice on(TrainingSet validation, double[] probabilities) {
        return on(validation, probabilities, DEFAULT_FUSION);
    }

    /**
     * @param probabilities the validation rows' probabilities, from models that did not train on
     *     them (out of device where there are several)
     * @param fusion the fusion methods the room rule may use, tried in {@link FusionMethod}'s order
     */
    public static DecisionChoice on(
            TrainingSet validation, double[] probabilities, Set<FusionMethod> fusion) {
        if (fusion.isEmpty()) {
            throw new IllegalArgumentException("the room rule needs a fusion method to choose");
        }
        Set<FusionMethod> methods = EnumSet.copyOf(fusion); // in FusionMethod's order
        List<DecisionRule> rules = candidates();
        long freshness = freshnessSeconds(validation);
        DecisionReplay.Arrivals arrivals = DecisionReplay.Arrivals.of(validation);
        DecisionRule bestDevice = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (DecisionRule rule : rules) {
            RoomRule alone = new RoomRule(FusionMethod.MEAN, rule, freshness);
            double score =
                    worst(
                            validation,
                            DecisionReplay.of(arrivals, probabilities, rule, alone).device);
            if (score > bestScore) {
                bestScore = score;
                bestDevice = rule;
            }
        }
        RoomRule bestRoom = new RoomRule(FusionMethod.MEAN, bestDevice, freshness);
        if (validation.rooms().size() < validation.things().size()) {
            double bestRoomScore = Double.NEGATIVE_INFINITY;
            for (long quiet : QUIET) {
                for (FusionMethod method : methods) {
                    double[] scores =
                            DecisionReplay.roomScores(
                                    arrivals,
                                    probabilities,
                                    bestDevice,
                                    new RoomRule(method, bestDevice, freshness, quiet));
                    for (DecisionRule rule : rules) {
                        double score =
                                worst(
                                        validation,
                                        DecisionReplay.roomDecisions(arrivals, scores, rule));
                        if (score > bestRoomScore) {
                            bestRoomScore = score;
                            bestRoom = new RoomRule(method, rule, freshness, quiet);
                        }
                    }
                }
            }
        }
        return new DecisionChoice(bestDevice, bestRoom);
    }

    private static double worst(TrainingSet rows, boolean[] decisions) {
        Map<String, ConfusionMatrix> devices = GroupMetrics.byThing(rows, decisions);
        double worst = GroupMetrics.worstF1(devices);
        return Double.isNaN(worst) ? Double.NEGATIVE_INFINITY : worst;
    }

    /**
     * {@link #FRESHNESS_PERIODS} times the median gap between a device's consecutive rows, rounded
     * up to 10 s; 60 s per period when no device has two rows.
     */
    static long freshnessSeconds(TrainingSet rows) {
        Map<String, List<Long>> times = new HashMap<>();
        for (int r = 0; r < rows.rows(); r++) {
            times.computeIfAbsent(rows.thing(r), k -> new ArrayList<>()).add(rows.timestamp(r));
        }
        List<Long> gaps = new ArrayList<>();
        for (List<Long> t : times.values()) {
            t.sort(null);
            for (int i = 1; i < t.size(); i++) {
                if (t.get(i) > t.get(i - 1)) {
                    gaps.add(t.get(i) - t.get(i - 1));
                }
            }
        }
        if (gaps.isEmpty()) {
            return FRESHNESS_PERIODS * 60L;
        }
        gaps.sort(null);
        long period = gaps.get(gaps.size() / 2);
        return (FRESHNESS_PERIODS * period + 9) / 10 * 10;
    }

    private static double grid(int step) {
        return Math.round(step * STEP * 100) / 100.0;
    }

    private static double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * Plain thresholds first, then wider gaps between enter and leave, then longer waits; enter on
     * a 0.05 grid from 0.1 to 0.9.
     */
    static List<DecisionRule> candidates() {
        List<DecisionRule> rules = new ArrayList<>();
        int steps = (int) Math.round(1 / STEP);
        for (long leaveAfter : LEAVE_AFTER) {
            for (long enterAfter : ENTER_AFTER) {
                for (double gap : GAPS) {
                    for (int e = 2; e <= steps - 2; e++) {
                        double leave = rounded(grid(e) - gap);
                        if (leave >= STEP) {
                            rules.add(new DecisionRule(grid(e), leave, enterAfter, leaveAfter));
                        }
                    }
                }
            }
        }
        return rules;
    }
}
