package io.occupancystream.job.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.Tally;
import io.occupancystream.job.metrics.TallyNames;
import io.occupancystream.job.reading.RejectReason;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.model.ConfusionMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * What a bounded run did, from the {@link Tally} counts it returned: readings in, valid, dead
 * letters by reason, duplicates, out of order, late, training rows, results by source, and the
 * results against the readings' labels. Checks that every record is accounted for.
 */
public final class RunSummary {
    /** The summary's file in the output folder. */
    public static final String FILE_NAME = "summary.json";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> counts;

    public RunSummary(Map<String, Object> accumulators) {
        this.counts = accumulators;
    }

    /** The count of {@code metric}, or of the member of its family that {@code members} name. */
    public long count(MetricName metric, Object... members) {
        Object value = counts.get(metric.of(members));
        return value == null ? 0L : ((Number) value).longValue();
    }

    public long deadLetters() {
        long total = 0;
        for (RejectReason reason : RejectReason.values()) {
            total += count(MetricName.DEAD_LETTERS, reason);
        }
        return total;
    }

    public long results() {
        long total = 0;
        for (ScoreSource source : ScoreSource.values()) {
            total += count(MetricName.RESULTS, source.label());
        }
        return total;
    }

    public ConfusionMatrix againstLabels(ScoreSource source) {
        return confusion(source.label());
    }

    /** What the rule would have decided for the same labelled readings, whatever scored them. */
    public ConfusionMatrix ruleOnSameReadings() {
        return confusion(TallyNames.RULE_ON_SAME_READINGS);
    }

    private ConfusionMatrix confusion(String group) {
        return new ConfusionMatrix(
                count(MetricName.CONFUSION, group, "tp"),
                count(MetricName.CONFUSION, group, "fp"),
                count(MetricName.CONFUSION, group, "tn"),
                count(MetricName.CONFUSION, group, "fn"));
    }

    /**
     * Per device ({@link PerPlace#DEVICE}) or per room ({@link PerPlace#ROOM}): place → decider
     * (device, room, rule) → its results against the labels.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, ConfusionMatrix>> againstLabelsPer(String scope) {
        return PerPlace.matrices((Map<String, Long>) counts.get(PerPlace.ACCUMULATOR), scope);
    }

    /** Every record in is a valid reading or a dead letter. */
    public boolean everyRecordAccountedFor() {
        return count(MetricName.READINGS_IN) == count(MetricName.VALID) + deadLetters();
    }

    /** Every valid reading is outside the replay range, a duplicate, or has a result. */
    public boolean everyReadingScored() {
        return count(MetricName.VALID)
                == count(MetricName.OUTSIDE_REPLAY_RANGE)
                        + count(MetricName.DUPLICATES)
                        + results();
    }

    public ObjectNode toJson(double wallTimeSeconds) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("readingsIn", count(MetricName.READINGS_IN));
        root.put("valid", count(MetricName.VALID));
        ObjectNode dead = root.putObject("deadLetters");
        dead.put("total", deadLetters());
        ObjectNode byReason = dead.putObject("byReason");
        for (RejectReason reason : RejectReason.values()) {
            long n = count(MetricName.DEAD_LETTERS, reason);
            if (n > 0) {
                byReason.put(reason.name(), n);
            }
        }
        if (count(MetricName.OUTSIDE_REPLAY_RANGE) > 0) {
            root.put("outsideReplayRange", count(MetricName.OUTSIDE_REPLAY_RANGE));
        }
        root.put("duplicates", count(MetricName.DUPLICATES));
        root.put("outOfOrder", count(MetricName.OUT_OF_ORDER));
        root.put("late", count(MetricName.LATE));
        root.put("unlabelled", count(MetricName.UNLABELLED));
        root.put("trainingRows", count(MetricName.TRAINING_ROWS));

        ObjectNode results = root.putObject("results");
        results.put("total", results());
        ObjectNode bySource = results.putObject("bySource");
        for (ScoreSource source : ScoreSource.values()) {
            bySource.put(source.label(), count(MetricName.RESULTS, source.label()));
        }

        ObjectNode labels = root.putObject("againstLabels");
        ConfusionMatrix all = new ConfusionMatrix(0, 0, 0, 0);
        ObjectNode labelsBySource = MAPPER.createObjectNode();
        for (ScoreSource source : ScoreSource.values()) {
            ConfusionMatrix m = againstLabels(source);
            all = all.plus(m);
            if (m.total() > 0) {
                labelsBySource.set(source.label(), labelsJson(m));
            }
        }
        labels.set("all", labelsJson(all));
        labels.set("bySource", labelsBySource);
        labels.set(TallyNames.RULE_ON_SAME_READINGS, labelsJson(ruleOnSameReadings()));
        labels.set("byDevice", perPlaceJson(PerPlace.DEVICE));
        labels.set("byRoom", perPlaceJson(PerPlace.ROOM));

        ObjectNode fallbacks = results.putObject("fallbacksByReason");
        for (FallbackReason reason : FallbackReason.values()) {
            long n = count(MetricName.FALLBACKS, reason);
            if (n > 0) {
                fallbacks.put(reason.name(), n);
            }
        }

        ObjectNode checks = root.putObject("checks");
        checks.put("everyRecordAccountedFor", everyRecordAccountedFor());
        checks.put("everyReadingScored", everyReadingScored());
        root.put("wallTimeSeconds", Math.round(wallTimeSeconds * 10) / 10.0);
        return root;
    }

    private ObjectNode perPlaceJson(String scope) {
        ObjectNode places = MAPPER.createObjectNode();
        againstLabelsPer(scope)
                .forEach(
                        (place, deciders) -> {
                            ObjectNode node = places.putObject(place);
                            deciders.forEach((decider, m) -> node.set(decider, labelsJson(m)));
                        });
        return places;
    }

    /** One entry of {@code againstLabels} in {@code summary.json}. */
    public static ObjectNode labelsJson(ConfusionMatrix m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("labelled", m.total());
        ConfusionMatrix.put(node, "accuracy", m.accuracy());
        ConfusionMatrix.put(node, "precision", m.precision());
        ConfusionMatrix.put(node, "recall", m.recall());
        ConfusionMatrix.put(node, "f1", m.f1());
        node.put("tp", m.tp);
        node.put("fp", m.fp);
        node.put("tn", m.tn);
        node.put("fn", m.fn);
        return node;
    }

    /**
     * The results against the labels, per source and for the rule on the same readings, as a table
     * for people; empty when no reading had a label.
     */
    public String labelTable() {
        StringBuilder t = new StringBuilder();
        for (ScoreSource source : ScoreSource.values()) {
            row(t, "results by " + source.label(), againstLabels(source));
        }
        if (t.length() == 0) {
            return "";
        }
        row(t, "rule, same readings", ruleOnSameReadings());
        for (String scope : new String[] {PerPlace.DEVICE, PerPlace.ROOM}) {
            againstLabelsPer(scope)
                    .forEach(
                            (place, deciders) ->
                                    deciders.forEach(
                                            (decider, m) ->
                                                    row(
                                                            t,
                                                            scope + " " + place + ", " + decider,
                                                            m)));
        }
        return String.format(
                        Locale.ROOT,
                        "%-28s %9s %9s %9s %9s %9s%n",
                        "against the labels",
                        "readings",
                        "accuracy",
                        "precision",
                        "recall",
                        "F1")
                + t;
    }

    private static void row(StringBuilder t, String name, ConfusionMatrix m) {
        if (m.total() == 0) {
            return;
        }
        t.append(
                String.format(
                        Locale.ROOT,
                        "%-28s %9d %9s %9s %9s %9s%n",
                        name,
                        m.total(),
                        format(m.accuracy()),
                        format(m.precision()),
                        format(m.recall()),
                        format(m.f1())));
    }

    private static String format(double metric) {
        Double value = ConfusionMatrix.rounded(metric);
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Pretty-printed JSON, as written to summary.json. */
    public String render(double wallTimeSeconds) throws IOException {
        return MAPPER.writeValueAsString(toJson(wallTimeSeconds));
    }

    /** Writes {@code summary.json} into a folder of any Flink file system. */
    public void writeTo(String folder, double wallTimeSeconds) throws IOException {
        Path path = new Path(folder, FILE_NAME);
        FileSystem fs = path.getFileSystem();
        try (OutputStream out = fs.create(path, FileSystem.WriteMode.OVERWRITE)) {
            out.write((render(wallTimeSeconds) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
