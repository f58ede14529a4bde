package io.occupancystream.modelops.train;

import io.occupancystream.model.ModelArtifact;
import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.eval.CandidateResult;
import io.occupancystream.modelops.eval.DeviceAndRoomMetrics;
import io.occupancystream.modelops.eval.ModelVsRule;
import io.occupancystream.modelops.report.ReportInput;
import io.occupancystream.modelops.report.TrainingReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The outcome of training, written as a model directory. */
public final class TrainedModel {
    public static final String LEADERBOARD = "leaderboard.csv";
    public static final String REPORT = "report.html";

    public final ModelCard card;
    public final byte[] xgboostModel;
    public final List<CandidateResult> leaderboard;
    public final ModelVsRule validation;

    /** Per device and room on the validation rows, which nothing was chosen or trained on. */
    public final DeviceAndRoomMetrics byDevice;

    /**
     * Per device and room on the training rows, each scored by a model trained without its device
     * (where there are several) and its stretch of time: what the rules were chosen on.
     */
    public final DeviceAndRoomMetrics outOfSample;

    public final ReportInput report;

    TrainedModel(
            ModelCard card,
            byte[] xgboostModel,
            List<CandidateResult> leaderboard,
            ModelVsRule validation,
            DeviceAndRoomMetrics byDevice,
            DeviceAndRoomMetrics outOfSample,
            ReportInput report) {
        this.card = card;
        this.xgboostModel = xgboostModel;
        this.leaderboard = leaderboard;
        this.validation = validation;
        this.byDevice = byDevice;
        this.outOfSample = outOfSample;
        this.report = report;
    }

    /** model.tar.gz, model.json, leaderboard.csv and report.html in {@code dir}. */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        ModelArtifact.write(dir, xgboostModel);
        card.write(dir);
        Files.write(dir.resolve(LEADERBOARD), leaderboardCsv(), StandardCharsets.UTF_8);
        TrainingReport.write(dir.resolve(REPORT), report);
    }

    List<String> leaderboardCsv() {
        List<String> lines = new ArrayList<>();
        lines.add(
                "rank,id,algorithm,deployable,objective,f1,precision,recall,accuracy,auc,log_loss,"
                        + "threshold,rounds,train_seconds,hyperparameters");
        int rank = 1;
        for (CandidateResult c : leaderboard) {
            String hp =
                    c.hyperparameters.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" "));
            lines.add(
                    String.join(
                            ",",
                            String.valueOf(rank++),
                            c.id,
                            "\"" + c.algorithm + "\"",
                            String.valueOf(c.deployable),
                            number(c.objectiveValue),
                            number(c.f1),
                            number(c.precision),
                            number(c.recall),
                            number(c.accuracy),
                            number(c.auc),
                            number(c.logLoss),
                            number(c.threshold),
                            String.valueOf(c.rounds),
                            String.format(Locale.ROOT, "%.3f", c.trainSeconds),
                            "\"" + hp + "\""));
        }
        return lines;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
    }
}
