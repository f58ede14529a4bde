package io.occupancystream.devicesim.localstack;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.modelops.data.LocalS3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code device-sim local-stack}: the local AWS stand-ins in the foreground until stopped ({@code
 * bin/local-stack up} runs it in the background).
 */
@Command(
        name = "local-stack",
        description = {
            "Runs kinesalite (Kinesis), S3Proxy (S3) and the model-ops endpoint (SageMaker runtime)"
                    + " on 127.0.0.1, creates the streams and the bucket, writes the job's"
                    + " settings (DIR/job.json) and the environment (DIR/stack.env), and runs"
                    + " until stopped."
        })
public final class LocalStackCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL_DIR",
            description = "Model the local endpoint serves (model-ops train output).")
    Path model;

    @Option(
            names = "--dir",
            defaultValue = "out/local-stack",
            paramLabel = "DIR",
            description = "Folder for job.json, stack.env and the job's file outputs.")
    Path dir;

    @Option(names = "--kinesis-port", defaultValue = "4567", description = "Kinesis port.")
    int kinesisPort;

    @Option(names = "--s3-port", defaultValue = "4568", description = "S3 port.")
    int s3Port;

    @Option(
            names = "--endpoint-port",
            defaultValue = "4569",
            description = "SageMaker runtime port.")
    int endpointPort;

    @Option(
            names = "--input-shards",
            defaultValue = "2",
            description = "Shards of the input stream (default: ${DEFAULT-VALUE}).")
    int inputShards;

    @Override
    public Integer call() throws Exception {
        LocalStackLayout layout = LocalStackLayout.defaults().withInputShards(inputShards);
        Path home = Path.of(System.getProperty("occupancystream.home", "."));
        LocalStack stack =
                LocalStack.start(
                        Kinesalite.packageDir(home),
                        model,
                        layout,
                        new LocalStack.Ports(kinesisPort, s3Port, endpointPort));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack), "local-stack-stop"));
        Files.createDirectories(dir);
        Path jobSettings = dir.resolve("job.json");
        Files.writeString(
                jobSettings,
                PropertyGroups.toJson(
                        LocalJobSettings.of(
                                stack,
                                model.toAbsolutePath(),
                                dir.resolve("job").toAbsolutePath())),
                StandardCharsets.UTF_8);
        String env = environment(stack);
        Files.writeString(dir.resolve("stack.env"), env, StandardCharsets.UTF_8);
        System.out.println(
                "Kinesis   "
                        + stack.kinesisEndpoint()
                        + "  streams "
                        + layout.inputStream
                        + " ("
                        + inputShards
                        + " shards), "
                        + layout.resultsStream
                        + ", "
                        + layout.deadLetterStream);
        System.out.println("S3        " + stack.s3Endpoint() + "  bucket " + layout.bucket);
        System.out.println(
                "SageMaker "
                        + stack.sagemakerEndpoint()
                        + "  endpoint "
                        + LocalStack.ENDPOINT_NAME
                        + " serving "
                        + model);
        System.out.println("Job settings: " + jobSettings);
        System.out.print(env);
        System.out.println("Ready.");
        Thread.currentThread().join();
        return 0;
    }

    /** Shell exports for the job, the simulator and model-ops. */
    static String environment(LocalStack stack) {
        return "export AWS_ACCESS_KEY_ID="
                + LocalS3.ACCESS_KEY
                + " AWS_SECRET_ACCESS_KEY="
                + LocalS3.SECRET_KEY
                + " AWS_REGION="
                + LocalStack.REGION.id()
                + "\nexport KINESIS_ENDPOINT="
                + stack.kinesisEndpoint()
                + " S3_ENDPOINT="
                + stack.s3Endpoint()
                + " SAGEMAKER_ENDPOINT="
                + stack.sagemakerEndpoint()
                + "\n";
    }

    private static void stop(LocalStack stack) {
        try {
            stack.close();
            System.out.println("Stopped.");
        } catch (Exception e) {
            System.err.println("local-stack: stopping failed: " + e);
        }
    }
}
