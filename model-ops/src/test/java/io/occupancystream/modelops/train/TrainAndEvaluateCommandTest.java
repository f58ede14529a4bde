package io.occupancystream.modelops.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.modelops.ModelOps;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** model-ops train and evaluate as a user runs them: files in, model directory and metrics out. */
class TrainAndEvaluateCommandTest {
    @TempDir Path dir;

    @Test
    void trainsOnEarlierWindowsAndEvaluatesOnLaterOnes() throws Exception {
        Path training =
                TrainingSetFixture.write(
                        dir.resolve("training"), Instant.parse("2017-12-18T00:00:00Z"), 96, 10, 3);
        Path model = dir.resolve("model");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int trained;
        try {
            trained =
                    ModelOps.commandLine()
                            .execute(
                                    "train",
                                    "--data",
                                    training.toString(),
                                    "--out",
                                    model.toString(),
                                    "--until",
                                    "2017-12-21T00:00:00Z",
                                    "--candidates",
                                    "3",
                                    "--seed",
                                    "5");
        } finally {
            System.setOut(stdout);
        }
        int evaluated =
                ModelOps.commandLine()
                        .execute(
                                "evaluate",
                                "--model",
                                model.toString(),
                                "--data",
                                training.toString(),
                                "--since",
                                "2017-12-21T00:00:00Z");

        assertThat(trained).isZero();
        assertThat(evaluated).isZero();
        // The deployable candidates are ranked apart from the baselines, which are scored on
        // other rows and are never deployed.
        String[] sections =
                printed.toString(StandardCharsets.UTF_8).split("Baselines, for comparison only");
        assertThat(sections).hasSize(2);
        assertThat(sections[0]).contains("  1. xgb-").doesNotContain("baseline-");
        assertThat(sections[1].split("\nModel ")[0])
                .contains("  1. baseline-")
                .doesNotContain("xgb-");
        assertThat(model.resolve("model.tar.gz")).isRegularFile();
        JsonNode evaluation =
                new ObjectMapper().readTree(model.resolve("evaluation.json").toFile());
        assertThat(evaluation.get("rows").asInt()).isEqualTo(240);
        assertThat(evaluation.get("since").asText()).isEqualTo("2017-12-21T00:00:00Z");
        assertThat(evaluation.at("/model/f1").asDouble())
                .isGreaterThan(evaluation.at("/rule/f1").asDouble());
        assertThat(evaluation.at("/model/tp").asLong() + evaluation.at("/model/fn").asLong())
                .isEqualTo(evaluation.get("occupied").asLong());
    }

    @Test
    void tooFewRowsIsAOneLineErrorWithExitCode1() throws Exception {
        Path training =
                TrainingSetFixture.write(
                        dir.resolve("few"), Instant.parse("2017-12-18T00:00:00Z"), 4, 10, 3);
        StringWriter err = new StringWriter();

        int code = train(err, "--data", training.toString(), "--out", dir.resolve("m").toString());

        assertThat(code).isEqualTo(ModelOps.BAD_INPUT);
        assertThat(err.toString())
                .isEqualTo(
                        "model-ops train: only 40 training rows; at least 500 are needed (as for"
                                + " SageMaker Autopilot): replay more data"
                                + System.lineSeparator());
    }

    @Test
    void anUnknownFusionMethodIsAUsageErrorNamingTheMethods() throws Exception {
        StringWriter err = new StringWriter();

        int code =
                train(
                        err,
                        "--data",
                        dir.toString(),
                        "--out",
                        dir.resolve("m").toString(),
                        "--fusion",
                        "MEAN,MEDIAN");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--fusion").contains("MEAN, MAX, VOTE");
    }

    /** {@code model-ops train ARGS}, its error output written to {@code err}. */
    private static int train(StringWriter err, String... args) {
        CommandLine cli = ModelOps.commandLine().setErr(new PrintWriter(err, true));
        String[] line = new String[args.length + 1];
        line[0] = "train";
        System.arraycopy(args, 0, line, 1, args.length);
        return cli.execute(line);
    }
}
