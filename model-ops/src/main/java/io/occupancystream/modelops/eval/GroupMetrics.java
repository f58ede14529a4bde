package io.occupancystream.modelops.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.ConfusionMatrix;
import io.occupancystream.modelops.data.TrainingSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/** Confusion matrices of decisions per device or per room, in order of first appearance. */
public final class GroupMetrics {
    private GroupMetrics() {}

    public static Map<String, ConfusionMatrix> byThing(TrainingSet rows, boolean[] decisions) {
        return by(rows, rows::thing, decisions);
    }

    public static Map<String, ConfusionMatrix> byRoom(TrainingSet rows, boolean[] decisions) {
        return by(rows, rows::room, decisions);
    }

    private static Map<String, ConfusionMatrix> by(
            TrainingSet rows, IntFunction<String> group, boolean[] decisions) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (int r = 0; r < rows.rows(); r++) {
            long[] c = counts.computeIfAbsent(group.apply(r), k -> new long[4]);
            boolean actual = rows.label(r);
            c[decisions[r] ? (actual ? 0 : 1) : (actual ? 3 : 2)]++;
        }
        Map<String, ConfusionMatrix> matrices = new LinkedHashMap<>();
        counts.forEach((k, c) -> matrices.put(k, new ConfusionMatrix(c[0], c[1], c[2], c[3])));
        return matrices;
    }

    /**
     * The lowest F1 among the groups; groups where F1 is undefined (no occupied row and no occupied
     * decision) are left out, and with none left it is NaN.
     */
    public static double worstF1(Map<String, ConfusionMatrix> groups) {
        double worst = Double.NaN;
        for (ConfusionMatrix m : groups.values()) {
            double f1 = m.f1();
            if (!Double.isNaN(f1) && !(f1 >= worst)) {
                worst = f1;
            }
        }
        return worst;
    }

    /** The group with the lowest F1, or null when no group's F1 is defined. */
    public static String worst(Map<String, ConfusionMatrix> groups) {
        double worst = worstF1(groups);
        for (Map.Entry<String, ConfusionMatrix> e : groups.entrySet()) {
            if (e.getValue().f1() == worst) {
                return e.getKey();
            }
        }
        return null;
    }

    public static ObjectNode toJson(Map<String, ConfusionMatrix> groups) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        groups.forEach((k, m) -> node.set(k, m.toJson()));
        return node;
    }
}
