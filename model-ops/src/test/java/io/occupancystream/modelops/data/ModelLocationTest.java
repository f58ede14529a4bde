package io.occupancystream.modelops.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.modelops.model.ModelLocation;
import io.occupancystream.modelops.model.OccupancyPredictor;
import io.occupancystream.modelops.testing.TestModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

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

            Path copy = ModelLocation.fetch("s3://models/occupancy/v1", s3::client);

            try (OccupancyPredictor original = OccupancyPredictor.load(model);
                    OccupancyPredictor fetched = OccupancyPredictor.load(copy)) {
                assertThat(fetched.version()).isEqualTo(original.version());
                float[] row = TestModels.row(3);
                assertThat(
                                ModelLocation.readCard("s3://models/occupancy/v1", s3::client)
                                        .modelVersion)
                        .isEqualTo(original.version());
                assertThat(fetched.probabilities(row, 1))
                        .containsExactly(original.probabilities(row, 1));
            }
        }
    }
}
