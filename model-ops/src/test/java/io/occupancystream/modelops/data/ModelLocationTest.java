package io.occupancystream.modelops.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.occupancystream.model.ModelLocation;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.testing.TestModels;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class ModelLocationTest {
    @Test
    void localFolderIsUsedAsItIs(@TempDir Path dir) throws Exception {
        assertThat(ModelLocation.fetch(dir.toString())).isEqualTo(dir);
    }

    @Test
    void s3PrefixIsCopiedAndLoadsAsTheSameModel(@TempDir Path dir) throws Exception {
        Path model = TestModels.occupancyModel(dir.resolve("model"));
        try (LocalS3 s3 = new LocalS3();
                S3Client client = s3.client()) {
            client.createBucket(b -> b.bucket("models"));
            for (String file : new String[] {"model.json", "model.tar.gz"}) {
                client.putObject(
                        b -> b.bucket("models").key("occupancy/v1/" + file),
                        RequestBody.fromFile(model.resolve(file)));
            }

            Path copy = ModelLocation.fetch("s3://models/occupancy/v1", s3.aws());

            try (OccupancyPredictor original = OccupancyPredictor.load(model);
                    OccupancyPredictor fetched = OccupancyPredictor.load(copy)) {
                assertThat(fetched.version()).isEqualTo(original.version());
                float[] row = TestModels.row(3);
                assertThat(
                                ModelLocation.readCard("s3://models/occupancy/v1", s3.aws())
                                        .modelVersion)
                        .isEqualTo(original.version());
                assertThat(fetched.probabilities(row, 1))
                        .containsExactly(original.probabilities(row, 1));
            }
        }
    }

    @Test
    void missingCardFailsWithTheMessageTheS3ClientGives() throws Exception {
        try (LocalS3 s3 = new LocalS3();
                S3Client client = s3.client()) {
            client.createBucket(b -> b.bucket("models"));

            Throwable fromSdk =
                    catchThrowable(
                            () ->
                                    client.getObject(
                                            b -> b.bucket("models").key("current/model.json")));
            Throwable fromLocation =
                    catchThrowable(() -> ModelLocation.readCard("s3://models/current", s3.aws()));

            assertThat(fromSdk).isInstanceOf(NoSuchKeyException.class);
            assertThat(fromLocation)
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith(
                            "The specified key does not exist. (Service: S3, Status Code: 404,"
                                    + " Request ID: ");
            assertThat(withoutRequestIds(fromLocation.getMessage()))
                    .isEqualTo(withoutRequestIds(fromSdk.getMessage()));
        }
    }

    /** Each request has its own ids. */
    private static String withoutRequestIds(String message) {
        return message.replaceAll("Request ID: [^,)]*", "Request ID: *");
    }
}
