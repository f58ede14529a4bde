package io.occupancystream.modelops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchmarkEndpointCommandTest {
    @TempDir static Path modelDir;
    @TempDir Path dir;

    @BeforeAll
    static void trainModel() throws IOException {
        TestModels.occupancyModel(modelDir);
    }

    @Test
    void measuresEveryBatchSizeAgainstAnInProcessEndpoint() throws IOException {
        Path json = dir.resolve("benchmark.json");

        int exitCode =
                benchmark(
                        "--model", modelDir.toString(),
                        "--batch-sizes", "1,10,50",
                        "--concurrency", "2",
                        "--seconds-per-size", "0.3",
                        "--warmup-seconds", "0.1",
                        "--json", json.toString());

        assertThat(exitCode).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("endpoint").asText()).isEqualTo("in-process");
        assertThat(report.get("modelVersion").asText()).isEqualTo("test-model-1");
        assertThat(report.get("rows").asText()).isEqualTo("1000 synthetic rows (seed 42)");
        assertMeasured(report, List.of(1, 10, 50));
    }

    @Test
    void measuresARunningEndpointWithTrainingSetRows() throws IOException {
        Path rows = dir.resolve("training/part-0.csv");
        Files.createDirectories(rows.getParent());
        StringBuilder csv = new StringBuilder("temperature,sound,sound_mean_5m,roomoccupancy\n");
        for (int i = 0; i < 20; i++) {
            float[] row = TestModels.row(i);
            csv.append(row[0]).append(',').append(row[1]).append(',').append(row[2]);
            csv.append(row[1] > 5 ? ",true\n" : ",false\n");
        }
        Files.writeString(rows, csv);
        Path json = dir.resolve("benchmark.json");

        try (OccupancyPredictor predictor = OccupancyPredictor.load(modelDir);
                LocalEndpoint running =
                        LocalEndpoint.start(predictor, "bench", 0, FaultInjector.none())) {
            int exitCode =
                    benchmark(
                            "--model", modelDir.toString(),
                            "--url", running.url().toString(),
                            "--name", "bench",
                            "--rows", dir.resolve("training").toString(),
                            "--batch-sizes", "5",
                            "--concurrency", "1",
                            "--seconds-per-size", "0.2",
                            "--warmup-seconds", "0",
                            "--json", json.toString());

            assertThat(exitCode).isZero();
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            assertThat(report.get("endpoint").asText()).isEqualTo("running");
            assertThat(report.get("rows").asText())
                    .isEqualTo("20 rows of 1 CSV files in " + dir.resolve("training"));
            assertMeasured(report, List.of(5));
            assertThat(running.counters().rowsScored())
                    .isEqualTo(5 * report.get("results").get(0).get("requests").asLong());
        }
    }

    @Test
    void refusesEndpointsBeyondThisMachine() {
        assertThat(
                        benchmark(
                                "--model", modelDir.toString(),
                                "--url", "http://192.0.2.1:8080",
                                "--seconds-per-size", "0.1"))
                .isEqualTo(2);
    }

    @Test
    void refusesMeasuringForNoTime() {
        assertThat(benchmark("--model", modelDir.toString(), "--seconds-per-size", "0"))
                .isEqualTo(2);
    }

    private static void assertMeasured(JsonNode report, List<Integer> batchSizes) {
        List<Integer> measured = new ArrayList<>();
        for (JsonNode result : report.get("results")) {
            measured.add(result.get("batchSize").asInt());
            assertThat(result.get("requests").asLong()).isPositive();
            assertThat(result.get("errors").asLong()).isZero();
            assertThat(result.get("seconds").asDouble()).isPositive();
            assertThat(result.get("requestsPerSecond").asDouble()).isPositive();
            assertThat(result.get("rowsPerSecond").asDouble())
                    .isEqualTo(
                            result.get("requestsPerSecond").asDouble()
                                    * result.get("batchSize").asInt(),
                            offset(1e-6));
            assertThat(result.get("p50Ms").asDouble()).isPositive();
            assertThat(result.get("p99Ms").asDouble())
                    .isGreaterThanOrEqualTo(result.get("p50Ms").asDouble());
            assertThat(result.get("maxMs").asDouble())
                    .isGreaterThanOrEqualTo(result.get("p99Ms").asDouble());
        }
        assertThat(measured).isEqualTo(batchSizes);
    }

    private static int benchmark(String... args) {
        return new CommandLine(new BenchmarkEndpointCommand()).execute(args);
    }
}
