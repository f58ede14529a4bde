package io.occupancystream.modelops.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.model.aws.AwsEndpoint;
import io.occupancystream.modelops.ModelOps;
import io.occupancystream.modelops.data.LocalS3;
import io.occupancystream.modelops.train.TrainingSetFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * What the SageMaker command tests share, set up around each test: a fake SageMaker, an S3Proxy
 * holding training sets, the credentials the SDK's default chain reads, and a command line whose
 * commands do not sleep.
 */
public final class SageMakerTestBed implements BeforeEachCallback, AfterEachCallback {
    public static final String BUCKET = "occupancy";
    public static final String DATA = "s3://" + BUCKET + "/training";

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    public FakeSageMaker sageMaker;
    public LocalS3 s3;
    private String previousKey;
    private String previousSecret;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        previousKey = System.getProperty("aws.accessKeyId");
        previousSecret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", LocalS3.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
        sageMaker = new FakeSageMaker();
        s3 = new LocalS3();
        try (S3Client client = s3.client()) {
            client.createBucket(r -> r.bucket(BUCKET));
        }
    }

    /** {@code hours} hourly training-set files of {@code rowsPerHour} rows under {@link #DATA}. */
    public void trainingSets(Path dir, int hours, int rowsPerHour) throws IOException {
        Path local =
                TrainingSetFixture.write(
                        dir, Instant.parse("2024-01-08T06:00:00Z"), hours, rowsPerHour, 7);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(local)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        try (S3Client client = s3.client()) {
            for (Path file : files) {
                String key = "training/" + local.relativize(file).toString().replace('\\', '/');
                client.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromFile(file));
            }
        }
    }

    String object(String key) {
        return new String(objectBytes(key), java.nio.charset.StandardCharsets.UTF_8);
    }

    public byte[] objectBytes(String key) {
        try (S3Client client = s3.client()) {
            return client.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
        }
    }

    /** A client of the fake SageMaker, as the commands make it for --sagemaker-endpoint. */
    public SageMakerClient sageMakerClient() {
        return AwsEndpoint.of("us-east-1", sageMaker.endpoint())
                .configure(SageMakerClient.builder())
                .build();
    }

    /** Runs {@code model-ops ARGS} with the fake's endpoint, S3Proxy and no pauses. */
    int run(String... args) {
        CommandLine cli =
                ModelOps.commandLine()
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true));
        for (CommandLine sub : cli.getSubcommands().values()) {
            Object command = sub.getCommand();
            if (command instanceof AutopilotCommand) {
                ((AutopilotCommand) command).pause = d -> {};
            } else if (command instanceof DeployLocalModelCommand) {
                ((DeployLocalModelCommand) command).pause = d -> {};
            } else if (command instanceof RetrainCommand) {
                ((RetrainCommand) command).pause = d -> {};
            }
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(
                List.of(
                        "--region",
                        "us-east-1",
                        "--sagemaker-endpoint",
                        sageMaker.endpoint().toString(),
                        "--s3-endpoint",
                        s3.endpoint().toString()));
        return cli.execute(all.toArray(new String[0]));
    }

    /** Whatever the test checked, the commands called no operation the operator policy lacks. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        sageMaker.close();
        s3.close();
        restore("aws.accessKeyId", previousKey);
        restore("aws.secretAccessKey", previousSecret);
        assertThat(SageMakerCalls.OPERATIONS).containsAll(sageMaker.operations());
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
