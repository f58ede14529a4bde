package io.occupancystream.modelops.sagemaker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.modelops.data.TrainingSet;
import java.time.Instant;
import java.util.Locale;

/**
 * What a promotion compared the challenger and the champion on: F1 of both, scored here on the same
 * held-out rows, or else the metrics each recorded on its own validation split, which are
 * comparable only roughly (and why it had to be those).
 */
final class Comparison {
    final boolean sameRows;
    final String why;
    final double challengerF1;
    final double championF1;
    private final TrainingSet rows;

    private Comparison(
            boolean sameRows,
            String why,
            double challengerF1,
            double championF1,
            TrainingSet rows) {
        this.sameRows = sameRows;
        this.why = why;
        this.challengerF1 = challengerF1;
        this.championF1 = championF1;
        this.rows = rows;
    }

    /** Each model's own recorded metric, because {@code why} they cannot be scored here. */
    static Comparison recordedMetrics(String why) {
        return new Comparison(false, why, Double.NaN, Double.NaN, null);
    }

    static Comparison sameRows(TrainingSet heldOut, double challengerF1, double championF1) {
        return new Comparison(true, null, challengerF1, championF1, heldOut);
    }

    String describe() {
        if (!sameRows) {
            return "recorded metrics from different splits (" + why + ")";
        }
        return String.format(
                Locale.ROOT,
                "F1 of both on the same %d held-out rows (%d occupied), windows %s to %s",
                rows.rows(),
                rows.occupied(),
                window(0),
                window(rows.rows() - 1));
    }

    private String window(int row) {
        return Instant.ofEpochMilli(rows.windowStart(row)).toString();
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("sameRows", sameRows);
        if (!sameRows) {
            node.put("basis", "recorded metrics from different splits");
            node.put("why", why);
            return node;
        }
        node.put("basis", "F1 on the same held-out rows");
        node.put("rows", rows.rows());
        node.put("occupied", rows.occupied());
        node.put("fromWindow", window(0));
        node.put("toWindow", window(rows.rows() - 1));
        node.put("dataHash", rows.dataHash());
        node.put("challengerF1", challengerF1);
        node.put("championF1", championF1);
        return node;
    }
}
