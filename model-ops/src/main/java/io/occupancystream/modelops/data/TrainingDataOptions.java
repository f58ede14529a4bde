package io.occupancystream.modelops.data;

import io.occupancystream.model.aws.AwsEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The options that say which training sets to read: a folder or an S3 prefix, and the windows to
 * take from it. S3 credentials and region come from the AWS default chains.
 */
public final class TrainingDataOptions {
    @picocli.CommandLine.Option(
            names = "--data",
            required = true,
            paramLabel = "DIR_OR_S3_PREFIX",
            description = "Training sets: the job's training folder or s3://bucket/prefix.")
    public String data;

    @picocli.CommandLine.Option(
            names = "--since",
            paramLabel = "INSTANT",
            description =
                    "Only windows starting at or after this UTC instant, e.g."
                            + " 2017-12-23T00:00:00Z.")
    public Instant since;

    @picocli.CommandLine.Option(
            names = "--until",
            paramLabel = "INSTANT",
            description = "Only windows starting before this UTC instant.")
    public Instant until;

    @picocli.CommandLine.Option(
            names = "--room",
            paramLabel = "THING=ROOM",
            description =
                    "Count THING's rows as in ROOM, whatever room they name (repeatable): for"
                            + " training sets whose rows name the thing as its own room.")
    public Map<String, String> rooms = new LinkedHashMap<>();

    @picocli.CommandLine.Option(
            names = "--s3-endpoint",
            paramLabel = "URL",
            description = "Another S3 endpoint (a local S3 server), with path-style addressing.")
    public URI s3Endpoint;

    /** The rows of {@code --data} in the window range, with {@code --room}'s rooms. */
    public TrainingSet read(String target) throws IOException {
        return readRows(target).inRooms(rooms);
    }

    private TrainingSet readRows(String target) throws IOException {
        TrainingSetReader reader = new TrainingSetReader(target, since, until);
        if (!data.startsWith("s3://")) {
            return reader.read(Path.of(data));
        }
        Path local = Files.createTempDirectory("training-sets");
        try (S3Client s3 = s3Client()) {
            new S3TrainingSets(s3).download(URI.create(data), local);
            return reader.read(local);
        } finally {
            deleteRecursively(local);
        }
    }

    /** An S3 client for {@code --s3-endpoint} if given, else for AWS. */
    public S3Client s3Client() {
        return s3Client(s3Endpoint);
    }

    /** {@code --s3-endpoint} if given, else AWS's S3. */
    public AwsEndpoint s3Endpoint() {
        return AwsEndpoint.of(null, s3Endpoint);
    }

    /**
     * An S3 client for {@code endpoint} (a local S3 server, path-style) when not null, else for
     * AWS.
     */
    public static S3Client s3Client(URI endpoint) {
        return AwsEndpoint.of(null, endpoint)
                .configure(S3Client.builder())
                .forcePathStyle(endpoint != null)
                .build();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
