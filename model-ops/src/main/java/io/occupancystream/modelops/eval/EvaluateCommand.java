package io.occupancystream.modelops.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.data.TrainingDataOptions;
import io.occupancystream.modelops.data.TrainingSet;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code model-ops evaluate}: a model against the rule on any labelled training-set CSVs, for
 * example a later period the model never saw.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description =
                "Scores labelled training sets with a model and with its rule baseline; prints and"
                        + " writes the metrics side by side.")
public final class EvaluateCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR")
    Path modelDir;

    @Mixin TrainingDataOptions data;

    @Option(
            names = "--rule-threshold",
            paramLabel = "SOUND",
            description =
                    "The rule to compare with: occupied when sound is above this, such as the"
                            + " job's scoring.rule.sound-threshold (default: the card's rule"
                            + " baseline, chosen on its training rows).")
    Double ruleThresholdOption;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the metrics (default: MODEL_DIR/evaluation.json).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (OccupancyPredictor predictor = OccupancyPredictor.load(modelDir)) {
            TrainingSet rows = data.read(predictor.card().target);
            predictor.requireFeatures(rows.features());
            float[] probabilities = predictor.probabilities(rows.values(), rows.rows());
            double ruleThreshold =
                    ruleThresholdOption != null
                            ? ruleThresholdOption
                            : predictor.card().ruleBaseline.get("threshold").asDouble();
            ModelVsRule comparison =
                    new ModelVsRule(
                            toDoubles(probabilities),
                            predictor.threshold(),
                            rows.sound(),
                            ruleThreshold,
                            rows.labels());

            ObjectNode result = MAPPER.createObjectNode();
            result.put("modelVersion", predictor.version());
            result.put("data", data.data);
            result.put("since", data.since == null ? null : data.since.toString());
            result.put("until", data.until == null ? null : data.until.toString());
            result.put("dataHash", rows.dataHash());
            result.put("modelThreshold", predictor.threshold());
            result.put("ruleThreshold", ruleThreshold);
            result.setAll(comparison.toJson());
            ModelCard card = predictor.card();
            DeviceAndRoomMetrics byDevice =
                    DeviceAndRoomMetrics.of(
                            rows,
                            toDoubles(probabilities),
                            card.deviceRule(),
                            card.roomRule(DecisionReplay.DEFAULT_FRESHNESS_SECONDS),
                            ruleThreshold);
            result.put("deviceRule", card.deviceRule().toString());
            result.put(
                    "roomRule", card.roomRule(DecisionReplay.DEFAULT_FRESHNESS_SECONDS).toString());
            result.setAll(byDevice.toJson());
            Path file = out != null ? out : modelDir.resolve("evaluation.json");
            MAPPER.writeValue(file.toFile(), result);

            System.out.printf(
                    Locale.ROOT,
                    "Model %s on %d rows (%d occupied) under %s%n",
                    predictor.version(),
                    rows.rows(),
                    rows.occupied(),
                    data.data);
            System.out.printf(
                    Locale.ROOT,
                    "Model: probability >= %.4f; rule: sound > %s%n",
                    predictor.threshold(),
                    ruleThreshold);
            System.out.print(comparison.table());
            System.out.printf(
                    Locale.ROOT,
                    "Decisions replayed in arrival order: device %s; room %s%n",
                    card.deviceRule(),
                    card.roomRule(DecisionReplay.DEFAULT_FRESHNESS_SECONDS));
            System.out.print(byDevice.table());
            System.out.println("Wrote " + file);
            return 0;
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
