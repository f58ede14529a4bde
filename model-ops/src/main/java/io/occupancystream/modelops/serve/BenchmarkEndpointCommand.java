package io.occupancystream.modelops.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.OccupancyPredictor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code model-ops benchmark-endpoint}: throughput and latency of InvokeEndpoint by batch size,
 * against a {@link LocalEndpoint} started in-process or one already running on this machine.
 */
@Command(
        name = "benchmark-endpoint",
        mixinStandardHelpOptions = true,
        description = {
            "Measures a local SageMaker-compatible endpoint: for each batch size, concurrent"
                    + " clients send InvokeEndpoint requests (text/csv) for a fixed time after a"
                    + " warm-up; reports requests/s, rows/s and request latency p50/p99/max.",
            "Serves --model in-process on a free port unless --url names a running endpoint"
                    + " (loopback addresses only)."
        })
public final class BenchmarkEndpointCommand implements Callable<Integer> {
    private static final int MAX_ROWS = 10_000;
    private static final int SYNTHETIC_ROWS = 1_000;
    private static final long SYNTHETIC_SEED = 42;

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL_DIR",
            description =
                    "Model directory; its features are the columns sent. Served in-process"
                            + " unless --url is given.")
    Path model;

    @Option(
            names = "--url",
            description = "A running endpoint, e.g. http://127.0.0.1:8080 (loopback only).")
    URI url;

    @Option(
            names = "--name",
            defaultValue = "roomOccupancyEndpoint",
            description = "Endpoint name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(
            names = "--rows",
            paramLabel = "CSV_FILE_OR_DIR",
            description =
                    "Training-set CSV file or folder (with header) to take up to "
                            + MAX_ROWS
                            + " rows from; columns other than the model's features are"
                            + " dropped. Default: "
                            + SYNTHETIC_ROWS
                            + " deterministic synthetic rows.")
    Path rows;

    @Option(
            names = "--batch-sizes",
            split = ",",
            defaultValue = "1,10,100,500",
            description = "Rows per request (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(
            names = "--concurrency",
            defaultValue = "4",
            description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--seconds-per-size",
            defaultValue = "5",
            description = "Measured time per batch size (default: ${DEFAULT-VALUE}).")
    double secondsPerSize;

    @Option(
            names = "--warmup-seconds",
            defaultValue = "1",
            description = "Unmeasured time before each batch size (default: ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results here.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (url != null && !InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--url must be a loopback address, not " + url.getHost());
        }
        if (!(secondsPerSize > 0) || !(warmUpSeconds >= 0)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--seconds-per-size must be > 0 and --warmup-seconds >= 0");
        }
        PrintStream out = System.out;
        try (OccupancyPredictor predictor = OccupancyPredictor.load(model)) {
            FeatureRows featureRows =
                    rows != null
                            ? FeatureRows.fromCsv(rows, predictor.features(), MAX_ROWS)
                            : FeatureRows.synthetic(
                                    predictor.features(), SYNTHETIC_ROWS, SYNTHETIC_SEED);
            if (rows == null) {
                out.println(
                        "No --rows: sending "
                                + featureRows.source()
                                + " of the model's "
                                + predictor.features().size()
                                + " features; the model's speed does not depend much on them.");
            }
            LocalEndpoint inProcess =
                    url == null
                            ? LocalEndpoint.start(predictor, name, 0, FaultInjector.none())
                            : null;
            try {
                URI target = inProcess != null ? inProcess.url() : url;
                List<LoadResult> results = measure(target, featureRows, out);
                if (json != null) {
                    writeJson(target, predictor, featureRows, results);
                    out.println("Wrote " + json);
                }
            } finally {
                if (inProcess != null) {
                    inProcess.stop();
                }
            }
        }
        return 0;
    }

    private List<LoadResult> measure(URI target, FeatureRows featureRows, PrintStream out)
            throws InterruptedException {
        try (InvokeEndpointClient client = new InvokeEndpointClient(target, name, concurrency)) {
            return measure(client, featureRows, out);
        }
    }

    private List<LoadResult> measure(
            InvokeEndpointClient client, FeatureRows featureRows, PrintStream out)
            throws InterruptedException {
        EndpointLoad load = new EndpointLoad(client, featureRows, concurrency);
        out.printf(
                "%s (%s), %d clients, %s s per batch size after %s s warm-up, rows: %s%n",
                client.invocations(),
                url == null ? "in-process" : "running",
                concurrency,
                secondsPerSize,
                warmUpSeconds,
                featureRows.source());
        out.printf(
                "%6s %12s %12s %9s %9s %9s %7s%n",
                "batch", "requests/s", "rows/s", "p50 ms", "p99 ms", "max ms", "errors");
        List<LoadResult> results = new ArrayList<>();
        for (int batchSize : batchSizes) {
            LoadResult result =
                    load.run(batchSize, seconds(warmUpSeconds), seconds(secondsPerSize));
            out.printf(
                    "%6d %12.1f %12.1f %9.3f %9.3f %9.3f %7d%n",
                    result.batchSize,
                    result.requestsPerSecond,
                    result.rowsPerSecond,
                    result.p50Ms,
                    result.p99Ms,
                    result.maxMs,
                    result.errors);
            results.add(result);
        }
        return results;
    }

    private void writeJson(
            URI target,
            OccupancyPredictor predictor,
            FeatureRows featureRows,
            List<LoadResult> results)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode report = mapper.createObjectNode();
        report.put("url", target.toString());
        report.put("endpointName", name);
        report.put("endpoint", url == null ? "in-process" : "running");
        report.put("modelVersion", predictor.version());
        report.put("client", "java.net.http.HttpClient, HTTP/1.1");
        report.put("concurrency", concurrency);
        report.put("warmUpSeconds", warmUpSeconds);
        report.put("secondsPerSize", secondsPerSize);
        report.put("rows", featureRows.source());
        report.set("results", mapper.valueToTree(results));
        mapper.writeValue(json.toFile(), report);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
