package io.occupancystream.job.summary;

import io.occupancystream.model.ConfusionMatrix;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decisions on labelled readings against their labels per device and per room, by who decided:
 * the device's own decision ({@code device}), its room's ({@code room}) and the EduKit rule on the
 * same reading ({@code rule}, per reading, not fused). Counted by {@link ResultTally} under names
 * {@code SCOPE\tPLACE\tDECIDER\tCELL}; tabs occur in no thing name or room.
 */
public final class PerPlace {
    /** The accumulator's name. */
    public static final String ACCUMULATOR = "againstLabelsPerPlace";

    public static final String DEVICE = "device";
    public static final String ROOM = "room";
    public static final String RULE = "rule";

    private PerPlace() {}

    /**
     * The name {@code decider}'s {@code cell} is counted under for {@code place} in {@code scope}.
     */
    static String name(String scope, String place, String decider, String cell) {
        return scope + '\t' + place + '\t' + decider + '\t' + cell;
    }

    /**
     * {@code scope} ({@link #DEVICE} or {@link #ROOM}) → place → decider → its confusion matrix,
     * from the accumulator's counts (null when the run kept none).
     */
    static Map<String, Map<String, ConfusionMatrix>> matrices(
            Map<String, Long> counts, String scope) {
        Map<String, Map<String, ConfusionMatrix>> places = new TreeMap<>();
        if (counts == null) {
            return places;
        }
        counts.forEach(
                (name, n) -> {
                    String[] p = name.split("\t");
                    if (!p[0].equals(scope)) {
                        return;
                    }
                    ConfusionMatrix one =
                            new ConfusionMatrix(
                                    p[3].equals("tp") ? n : 0,
                                    p[3].equals("fp") ? n : 0,
                                    p[3].equals("tn") ? n : 0,
                                    p[3].equals("fn") ? n : 0);
                    places.computeIfAbsent(p[1], k -> new TreeMap<>())
                            .merge(p[2], one, ConfusionMatrix::plus);
                });
        return places;
    }
}
