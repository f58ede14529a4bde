package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.job.OccupancyJob;
import io.occupancystream.job.features.Feature;
import io.occupancystream.job.testing.Recordings;
import io.occupancystream.job.testing.TrainedModels;
import io.occupancystream.job.testing.VariedReadings;
import io.occupancystream.model.ModelCard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The start-up check of the command line (no MiniCluster here: the job runs locally, as bin/job
 * runs it): a model trained on other columns than the job's features never starts scoring, and the
 * job's own model passes.
 */
class ModelFeatureCheckClusterTest {

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "endpoint"})
    void modelTrainedOnOtherFeaturesIsRefusedAtStartUpNamingTheDifference(
            String scorer, @TempDir Path dir) throws Exception {
        Path recording =
                Recordings.write(
                        dir.resolve("recording.jsonl"), VariedReadings.recording(1, 5, 31));
        Path other = TrainedModels.withOtherFeatures();
        ModelCard card = ModelCard.read(other);
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();

        int code =
                new CommandLine(new OccupancyJob())
                        .setErr(new PrintWriter(err, true))
                        .execute(
                                "--replay",
                                recording.toString(),
                                "--scorer",
                                scorer,
                                "--model",
                                other.toString(),
                                "--endpoint-url",
                                "http://127.0.0.1:9",
                                "--out",
                                out.toString());

        List<String> jobFeatures = Feature.columns();
        List<String> modelFeatures =
                new ArrayList<>(jobFeatures.subList(0, jobFeatures.size() - 2));
        modelFeatures.addAll(TrainedModels.OTHER_FEATURES);
        assertThat(card.features).isEqualTo(modelFeatures);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "Invalid configuration: model "
                                + card.modelVersion
                                + " was trained on "
                                + modelFeatures
                                + " but the caller sends "
                                + jobFeatures
                                + ": missing [humidity, co2_ppm],"
                                + " not in the model [hvac_cooling, hvac_standby]"
                                + System.lineSeparator());
        // refused before any job ran: nothing written
        assertThat(out).doesNotExist();
    }

    @Test
    void modelTrainedOnTheJobsTrainingSetsPassesTheCheckAndScoresEveryReading(@TempDir Path dir)
            throws Exception {
        Path recording =
                Recordings.write(
                        dir.resolve("recording.jsonl"), VariedReadings.recording(2, 30, 32));
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();

        int code =
                new CommandLine(new OccupancyJob())
                        .setErr(new PrintWriter(err, true))
                        .execute(
                                "--replay",
                                recording.toString(),
                                "--scorer",
                                "embedded",
                                "--model",
                                TrainedModels.model().toString(),
                                "--out",
                                out.toString(),
                                "--set",
                                "job.checkpoint-interval=200 ms",
                                "--set",
                                "job.parallelism=1");

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/results/total").asLong()).isEqualTo(60);
        assertThat(summary.at("/results/bySource/model").asLong()).isEqualTo(60);
        assertThat(summary.at("/results/bySource/fallback").asLong()).isZero();
    }
}
