package io.occupancystream.modelops.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** Training sets read from an S3 prefix are the same rows, with the same hash, as from a folder. */
class S3TrainingSetsTest {
    private static final List<String> FILES =
            List.of(
                    "dt=2017-12-22/hour=09/part-a.csv",
                    "dt=2017-12-22/hour=10/part-b.csv",
                    "dt=2017-12-22/hour=10/.part-c.csv.inprogress");

    /**
     * Autopilot takes every column of a tabular dataset but the target as a feature ("Autopilot
     * datasets and problem types", https://docs.aws.amazon.com/sagemaker/latest/dg/
     * autopilot-datasets-problem-types.html: each column holds a feature, each row an observation),
     * so its copy keeps only the feature columns and the target.
     */
    @Test
    void autopilotsCopyLeavesOutTheIdentityColumns() throws Exception {
        try (LocalS3 s3 = new LocalS3();
                S3Client client = s3.client()) {
            client.createBucket(b -> b.bucket("occupancy"));
            client.putObject(
                    r -> r.bucket("occupancy").key("training/dt=2017-12-22/hour=09/part-a.csv"),
                    RequestBody.fromString(
                            "timestamp,thing_name,room,sound,loud_share_90s,sound_cv_5m,"
                                    + "roomoccupancy\n"
                                    + "1513933169,roe-s1,lab%2C east,0.9,1,0.25,true\n"));
            client.putObject(
                    r -> r.bucket("occupancy").key("training/dt=2017-12-22/hour=09/.part-b.csv"),
                    RequestBody.fromString("in progress"));
            client.putObject(
                    r -> r.bucket("occupancy").key("training/dt=2017-12-22/hour=10/old.csv"),
                    RequestBody.fromString("temperature,sound,roomoccupancy\n70,1,false\n"));

            int copied =
                    new S3TrainingSets(client)
                            .copyFeaturesOnly(
                                    URI.create("s3://occupancy/training"),
                                    URI.create("s3://occupancy/autopilot/job/input"));

            assertThat(copied).isEqualTo(2);
            assertThat(
                            client.getObjectAsBytes(
                                            r ->
                                                    r.bucket("occupancy")
                                                            .key(
                                                                    "autopilot/job/input/dt=2017-12-22/"
                                                                        + "hour=09/part-a.csv"))
                                    .asUtf8String())
                    .isEqualTo("loud_share_90s,sound_cv_5m,roomoccupancy\n1,0.25,true\n");
            assertThat(
                            client.getObjectAsBytes(
                                            r ->
                                                    r.bucket("occupancy")
                                                            .key(
                                                                    "autopilot/job/input/dt=2017-12-22/"
                                                                        + "hour=10/old.csv"))
                                    .asUtf8String())
                    .isEqualTo("temperature,sound,roomoccupancy\n70,1,false\n");
        }
    }

    @Test
    void downloadsTheCsvsBelowThePrefixKeepingTheirWindowFolders(@TempDir Path dir)
            throws Exception {
        Path local = dir.resolve("local");
        for (int i = 0; i < FILES.size(); i++) {
            Path file = local.resolve(FILES.get(i));
            Files.createDirectories(file.getParent());
            Files.write(file, List.of("temperature,sound,roomoccupancy", "70," + i + ",true"));
        }
        try (LocalS3 s3 = new LocalS3();
                S3Client client = s3.client()) {
            client.createBucket(b -> b.bucket("occupancy"));
            for (String key : FILES) {
                client.putObject(
                        PutObjectRequest.builder()
                                .bucket("occupancy")
                                .key("training/" + key)
                                .build(),
                        RequestBody.fromFile(local.resolve(key)));
            }
            client.putObject(
                    PutObjectRequest.builder().bucket("occupancy").key("other/x.csv").build(),
                    RequestBody.fromString("a,roomoccupancy\n1,true\n"));

            Path copy = dir.resolve("copy");
            int copied =
                    new S3TrainingSets(client)
                            .download(URI.create("s3://occupancy/training"), copy);

            assertThat(copied).isEqualTo(2);
            TrainingSetReader reader = new TrainingSetReader("roomoccupancy", null, null);
            TrainingSet fromS3 = reader.read(copy);
            TrainingSet fromFolder = reader.read(local);
            assertThat(fromS3.values()).containsExactly(fromFolder.values());
            assertThat(fromS3.dataHash()).isEqualTo(fromFolder.dataHash());
        }
    }

    @Test
    void trainingDataOptionsReadAnS3PrefixThroughTheDefaultCredentialChain(@TempDir Path dir)
            throws Exception {
        try (LocalS3 s3 = new LocalS3();
                S3Client client = s3.client()) {
            client.createBucket(b -> b.bucket("occupancy"));
            client.putObject(
                    PutObjectRequest.builder()
                            .bucket("occupancy")
                            .key("training/dt=2017-12-22/hour=09/p.csv")
                            .build(),
                    RequestBody.fromString(
                            "temperature,sound,roomoccupancy\n70,1,false\n71,9,true\n"));
            TrainingDataOptions options = new TrainingDataOptions();
            options.data = "s3://occupancy/training/";
            options.s3Endpoint = s3.endpoint();
            System.setProperty("aws.accessKeyId", LocalS3.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
            try {
                TrainingSet set = options.read("roomoccupancy");

                assertThat(set.rows()).isEqualTo(2);
                assertThat(set.labels()).containsExactly(false, true);
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
    }
}
