package io.occupancystream.modelops.train;

import io.occupancystream.model.ModelCard;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.modelops.data.TrainingDataOptions;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.eval.CandidateResult;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code model-ops train}: a model directory from the job's training-set CSVs. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains an occupancy model on the job's training sets: XGBoost candidates and"
                    + " baselines, validated on the latest rows, ranked by the objective.",
            "Writes MODEL_DIR/model.tar.gz (SageMaker XGBoost format), model.json,"
                    + " leaderboard.csv and report.html."
        })
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Output.")
    Path out;

    @Mixin TrainingDataOptions data;

    @Option(
            names = "--candidates",
            defaultValue = "4",
            description =
                    "XGBoost candidates to try (default: ${DEFAULT-VALUE}); a count, not a time,"
                            + " so the same rows and seed give the same model.")
    int candidates;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--objective",
            defaultValue = "F1",
            description = "F1 or AUC on the validation rows (default: ${DEFAULT-VALUE}).")
    Objective objective;

    @Option(
            names = "--target",
            defaultValue = ModelCard.DEFAULT_TARGET,
            description = "Target column (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(
            names = "--fusion",
            split = ",",
            defaultValue = "MEAN",
            paramLabel = "METHOD[,METHOD...]",
            description =
                    "How a room of several devices may fuse their probabilities: MEAN, MAX or"
                            + " VOTE; name several for validation to choose among them (default:"
                            + " ${DEFAULT-VALUE}; docs/models.md says why).")
    List<FusionMethod> fusion;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "XGBoost threads; 0 means one per core.")
    int threads;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        TrainingSet all = data.read(target);
        System.out.printf(
                Locale.ROOT,
                "Read %d rows (%d occupied) with %d features from %d files under %s%n",
                all.rows(),
                all.occupied(),
                all.columns(),
                all.files(),
                data.data);
        int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        TrainedModel model;
        try (Progress progress = new ProgressBarProgress()) {
            model =
                    new ModelTrainer(candidates, seed, objective, cores)
                            .fusingBy(EnumSet.copyOf(fusion))
                            .train(all, data.data, progress);
        }
        model.writeTo(out);

        System.out.println();
        System.out.println(
                "Leaderboard (best first; XGBoost candidates scored out of sample, as the"
                        + " validation below):");
        printCandidates(model.leaderboard, true, 5);
        System.out.println(
                "Baselines, for comparison only (not deployed; scored on the latest rows, trained"
                        + " on the others):");
        printCandidates(model.leaderboard, false, Integer.MAX_VALUE);
        System.out.printf(
                Locale.ROOT,
                "%nModel %s: %s, threshold %.4f; rule: sound > %s%n",
                model.card.modelVersion,
                model.card.hyperparameters.get("candidate"),
                model.card.threshold,
                model.card.ruleBaseline.get("threshold").asText());
        System.out.printf(
                Locale.ROOT,
                "Validation: %d rows, %s%n",
                model.card.rows.get("validation"),
                model.card.trainingData.get("validatedOn"));
        System.out.print(model.validation.table());
        System.out.printf(
                Locale.ROOT,
                "%nDecisions chosen on the same out-of-sample rows: device %s; room %s%n",
                model.card.decision,
                model.card.room);
        System.out.println(
                LeaveOneDeviceOut.applies(all)
                        ? "Per device and room, each row scored by a model trained without its"
                                + " device and its stretch of time (leave-one-device-out):"
                        : "Each row scored by a model trained without its stretch of time:");
        System.out.print(model.outOfSample.table());
        System.out.printf(
                Locale.ROOT,
                "%nWrote %s (model.tar.gz, model.json, leaderboard.csv, report.html) in %.1f s%n",
                out,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private void printCandidates(List<CandidateResult> leaderboard, boolean deployable, int most) {
        int rank = 0;
        for (CandidateResult c : leaderboard) {
            if (c.deployable != deployable || rank == most) {
                continue;
            }
            rank++;
            System.out.printf(
                    Locale.ROOT,
                    "  %d. %-18s %s %.4f  AUC %.4f  worst device %s%n",
                    rank,
                    c.id,
                    objective,
                    c.objectiveValue,
                    c.auc,
                    c.worstDevice == null
                            ? "n/a"
                            : String.format(
                                    Locale.ROOT, "%s F1 %.4f", c.worstDevice, c.worstDeviceF1));
        }
    }
}
