package io.occupancystream.modelops.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.model.ModelArtifact;
import io.occupancystream.modelops.testing.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * model-ops' {@code model.tar.gz} holds what the built-in XGBoost image's loader takes. In
 * aws/sagemaker-xgboost-container (serve_utils.get_loaded_booster) the container loads every
 * top-level, non-dot regular file of the extracted archive as a booster (all of them, as an
 * ensemble, unless SAGEMAKER_INFERENCE_ENSEMBLE=false), by pickle or else Booster.load_model, and
 * XGBoost 3.0.5 reads a file without a .json extension as JSON when it starts with '{'. XGBoost
 * promises only that newer versions read older models ("XGBoost algorithm with Amazon SageMaker AI"
 * lists the versions; the 3.0-5 Dockerfile installs 3.0.5).
 */
class XgboostContainerArtifactTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void archiveHoldsOneJsonBoosterNoNewerThanTheImagesXgboost() throws Exception {
        Path model = TestModels.occupancyModel(dir);
        List<String> entries = new ArrayList<>();
        byte[] booster = null;
        try (InputStream in = Files.newInputStream(model.resolve(ModelArtifact.FILE));
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.add(entry.getName() + (entry.isFile() ? "" : " (not a file)"));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                tar.transferTo(bytes);
                booster = bytes.toByteArray();
            }
        }

        assertThat(entries).containsExactly("xgboost-model");
        assertThat(booster[0]).isEqualTo((byte) '{');
        JsonNode version = JSON.readTree(booster).get("version");
        List<Integer> written =
                List.of(version.get(0).asInt(), version.get(1).asInt(), version.get(2).asInt());
        assertThat(written).isEqualTo(List.of(2, 1, 4));
        assertThat(compare(written, XgboostImage.XGBOOST_RELEASE)).isLessThanOrEqualTo(0);
        assertThat(XgboostImage.uri(software.amazon.awssdk.regions.Region.EU_WEST_1))
                .isEqualTo("141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:3.0-5");
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
