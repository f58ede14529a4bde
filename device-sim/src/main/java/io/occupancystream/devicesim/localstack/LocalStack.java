package io.occupancystream.devicesim.localstack;

import io.occupancystream.devicesim.kinesis.KinesisStreams;
import io.occupancystream.devicesim.kinesis.LocalKinesisClient;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.data.LocalS3;
import io.occupancystream.modelops.serve.FaultInjector;
import io.occupancystream.modelops.serve.LocalEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS services the job uses, as real servers on loopback: kinesalite for Kinesis, S3Proxy for
 * S3 and model-ops' local endpoint for the SageMaker runtime, with the streams and the bucket
 * created. {@link #close()} stops all three.
 */
public final class LocalStack implements AutoCloseable {
    public static final Region REGION = Region.US_EAST_1;
    public static final String ENDPOINT_NAME = "roomOccupancyEndpoint";

    private final Kinesalite kinesis;
    private final LocalS3 s3;
    private final OccupancyPredictor predictor;
    private final int endpointPort;
    private final LocalStackLayout layout;
    private LocalEndpoint endpoint; // guarded by this

    private LocalStack(
            Kinesalite kinesis,
            LocalS3 s3,
            OccupancyPredictor predictor,
            LocalEndpoint endpoint,
            LocalStackLayout layout) {
        this.kinesis = kinesis;
        this.s3 = s3;
        this.predictor = predictor;
        this.endpoint = endpoint;
        this.endpointPort = endpoint.port();
        this.layout = layout;
    }

    /**
     * Starts the three servers on the given ports (0 for free ones), serving {@code model}, and
     * creates the layout's streams and bucket.
     */
    public static LocalStack start(
            Path kinesaliteDir, Path model, LocalStackLayout layout, Ports ports) throws Exception {
        Kinesalite kinesis = Kinesalite.start(kinesaliteDir, ports.kinesis);
        LocalS3 s3 = null;
        OccupancyPredictor predictor = null;
        try {
            s3 = new LocalS3(ports.s3);
            predictor = OccupancyPredictor.load(model);
            LocalEndpoint endpoint =
                    LocalEndpoint.start(
                            predictor, ENDPOINT_NAME, ports.endpoint, FaultInjector.none());
            LocalStack stack = new LocalStack(kinesis, s3, predictor, endpoint, layout);
            stack.createStreamsAndBucket();
            return stack;
        } catch (Exception | Error e) {
            // Stop what started: kinesalite and S3Proxy would keep this JVM alive.
            kinesis.close();
            if (s3 != null) {
                s3.close();
            }
            if (predictor != null) {
                predictor.close();
            }
            throw e;
        }
    }

    private void createStreamsAndBucket() throws InterruptedException {
        try (KinesisClient client = kinesisClient()) {
            for (String stream :
                    List.of(layout.inputStream, layout.resultsStream, layout.deadLetterStream)) {
                int shards = stream.equals(layout.inputStream) ? layout.inputShards : 1;
                KinesisStreams.createActive(client, stream, shards, Duration.ofSeconds(30));
            }
        }
        try (S3Client client = s3.client()) {
            client.createBucket(r -> r.bucket(layout.bucket));
        }
    }

    public KinesisClient kinesisClient() {
        return LocalKinesisClient.connect(kinesis.endpoint());
    }

    /**
     * The system properties that give this JVM's AWS SDKs (v2, and v1 inside the Kinesis connector)
     * the stack's credentials through their default chains.
     */
    public static Map<String, String> credentialProperties() {
        return Map.of(
                "aws.accessKeyId", LocalS3.ACCESS_KEY,
                "aws.secretAccessKey", LocalS3.SECRET_KEY,
                "aws.secretKey", LocalS3.SECRET_KEY);
    }

    /**
     * The Flink settings that point its S3 file system at this stack's S3, with its keys, for a JVM
     * that runs the job itself and cannot set the AWS environment variables that {@code bin/job}
     * relies on. Plain strings: {@code bin/local-stack} runs without Flink's classes.
     */
    public Map<String, String> s3FileSystemSettings() {
        return Map.of(
                "s3.endpoint",
                s3Endpoint().toString(),
                "s3.path.style.access",
                "true",
                "s3.access-key",
                LocalS3.ACCESS_KEY,
                "s3.secret-key",
                LocalS3.SECRET_KEY);
    }

    public S3Client s3Client() {
        return s3.client();
    }

    public URI kinesisEndpoint() {
        return kinesis.endpoint();
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public URI sagemakerEndpoint() {
        return URI.create("http://127.0.0.1:" + endpointPort);
    }

    public synchronized LocalEndpoint endpoint() {
        return endpoint;
    }

    /** Stops the endpoint: calls find nothing listening until {@link #restartEndpoint}. */
    public synchronized void stopEndpoint() {
        endpoint.stop();
    }

    /**
     * Serves the model again on the same port with {@code faults}: the endpoint that answered so
     * far stops first, so that calls in the gap find nothing listening, as during an outage.
     */
    public synchronized void restartEndpoint(FaultInjector faults) throws IOException {
        endpoint.stop();
        endpoint = LocalEndpoint.start(predictor, ENDPOINT_NAME, endpointPort, faults);
    }

    public LocalStackLayout layout() {
        return layout;
    }

    @Override
    public void close() throws Exception {
        endpoint().close();
        predictor.close();
        kinesis.close();
        s3.close();
    }

    /** The loopback ports of the three servers; 0 picks a free one. */
    public static final class Ports {
        final int kinesis;
        final int s3;
        final int endpoint;

        public Ports(int kinesis, int s3, int endpoint) {
            this.kinesis = kinesis;
            this.s3 = s3;
            this.endpoint = endpoint;
        }

        public static Ports free() {
            return new Ports(0, 0, 0);
        }
    }
}
