package io.occupancystream.modelops.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.ConfusionMatrix;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.data.TrainingSetReader;
import io.occupancystream.modelops.testing.TestModels;
import io.occupancystream.modelops.train.ModelTrainer;
import io.occupancystream.modelops.train.Objective;
import io.occupancystream.modelops.train.Progress;
import io.occupancystream.modelops.train.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code model-ops deploy-local-model} and {@code retrain}: a model-ops model uploaded and served
 * by the built-in XGBoost container, and retraining only when enough rows are new.
 */
class DeployAndRetrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL_ROLE = "arn:aws:iam::123456789012:role/model";

    @TempDir Path dir;
    @RegisterExtension final SageMakerTestBed bed = new SageMakerTestBed();

    private Path model(double f1, long rows) throws Exception {
        Path model = TestModels.occupancyModel(dir.resolve("model"));
        ModelCard card = ModelCard.read(model);
        ObjectNode validation = JSON.createObjectNode();
        validation.put("f1", f1);
        card.validation = validation;
        card.rows.put("total", rows);
        card.write(model);
        return model;
    }

    /**
     * No endpoint for the first {@code lookups} DescribeEndpoint calls; then one serving the
     * endpoint config the command created.
     */
    private void scriptNewEndpoint(int lookups) {
        for (int i = 0; i < lookups; i++) {
            bed.sageMaker.thenError(
                    "DescribeEndpoint",
                    400,
                    "ValidationException",
                    "Could not find endpoint \\\"roomOccupancyEndpoint\\\".");
        }
        bed.sageMaker
                .always("DescribeModelPackageGroup", "{\"ModelPackageGroupName\":\"g\"}")
                .then("CreateModelPackage", "{\"ModelPackageArn\":\"arn:package/1\"}")
                .then("CreateModel", "{\"ModelArn\":\"arn:model\"}")
                .then("CreateEndpointConfig", "{\"EndpointConfigArn\":\"arn:config\"}")
                .then("CreateEndpoint", "{\"EndpointArn\":\"arn:endpoint\"}")
                .always(
                        "DescribeEndpoint",
                        () ->
                                "{\"EndpointStatus\":\"InService\",\"EndpointConfigName\":\""
                                        + bed.sageMaker
                                                .only("CreateEndpointConfig")
                                                .get("EndpointConfigName")
                                                .asText()
                                        + "\"}");
    }

    @Test
    void uploadsTheArtifactAndServesItOnTheBuiltInXgboostImage() throws Exception {
        Path model = model(0.91, 1200);
        scriptNewEndpoint(1);

        int code =
                bed.run(
                        "deploy-local-model",
                        "--model",
                        model.toString(),
                        "--artifacts",
                        "s3://occupancy/models",
                        "--model-card",
                        "s3://occupancy/models/current",
                        "--model-role",
                        MODEL_ROLE,
                        "--record",
                        dir.resolve("promotion.json").toString());

        assertThat(code).as(bed.err.toString()).isZero();
        JsonNode container = bed.sageMaker.only("CreateModel").get("PrimaryContainer");
        assertThat(container.get("Image").asText())
                .isEqualTo("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5");
        assertThat(container.get("ModelDataUrl").asText())
                .isEqualTo("s3://occupancy/models/test-model-1/model.tar.gz");
        assertThat(bed.objectBytes("models/test-model-1/model.tar.gz"))
                .isEqualTo(Files.readAllBytes(model.resolve("model.tar.gz")));
        assertThat(
                        JSON.readTree(bed.object("models/current/model.json"))
                                .get("modelVersion")
                                .asText())
                .isEqualTo(TestModels.MODEL_VERSION);
        assertThat(
                        bed.sageMaker
                                .only("CreateModelPackage")
                                .get("CustomerMetadataProperties")
                                .toString())
                .contains("\"metric\":\"F1\"")
                .contains("\"metricValue\":\"0.910000\"")
                .contains("\"source\":\"model-ops:test-model-1\"");
        assertThat(bed.sageMaker.operations()).doesNotContain("CreateModelPackageGroup");
    }

    @Test
    void retrainWaitsUntilEnoughRowsAreNew() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        bed.sageMaker
                .then(
                        "DescribeEndpoint",
                        "{\"EndpointStatus\":\"InService\",\"EndpointConfigName\":\"old\"}")
                .then(
                        "DescribeEndpointConfig",
                        "{\"ProductionVariants\":[{\"ModelName\":\"old-model\"}]}")
                .then("DescribeModel", "{\"ModelArn\":\"arn:old-model\"}")
                .then(
                        "ListTags",
                        "{\"Tags\":[{\"Key\":\"occupancy-stream:training-rows\",\"Value\":\"500\"}]}");

        int code = retrain("--min-new-rows", "101");

        assertThat(code).as(bed.err.toString()).isZero();
        assertThat(bed.out.toString())
                .isEqualTo(
                        "600 rows under s3://occupancy/training; the current model (old-model)"
                                + " was trained on 500: 100 new\n"
                                + "Not retraining: fewer than 101 new rows (--min-new-rows)\n");
        assertThat(bed.sageMaker.operations())
                .containsExactly(
                        "DescribeEndpoint", "DescribeEndpointConfig", "DescribeModel", "ListTags");
    }

    @Test
    void retrainTrainsLocallyAndDeploysTheFirstModel() throws Exception {
        bed.trainingSets(dir.resolve("data"), 12, 100);
        // One lookup for the champion, one when promoting.
        scriptNewEndpoint(2);

        int code =
                retrain(
                        "--min-new-rows",
                        "1000",
                        "--max-candidates",
                        "3",
                        "--record",
                        dir.resolve("promotion.json").toString());

        assertThat(code).as(bed.err.toString()).isZero();
        assertThat(bed.out.toString())
                .startsWith(
                        "1200 rows under s3://occupancy/training; the current model (none) was"
                                + " trained on 0: 1200 new\n");
        JsonNode model = bed.sageMaker.only("CreateModel");
        assertThat(model.get("PrimaryContainer").get("ModelDataUrl").asText())
                .startsWith("s3://occupancy/models/occupancy-xgb-")
                .endsWith("/model.tar.gz");
        assertThat(model.get("Tags").toString())
                .contains("{\"Key\":\"occupancy-stream:training-rows\",\"Value\":\"1200\"}");
        assertThat(bed.sageMaker.operations()).contains("CreateEndpoint");
    }

    /**
     * A model-ops champion published at --model-card and the challenger are both scored here on the
     * rows the challenger held out; the champion's recorded F1 (from its own split) is not used.
     * The champion's card asks for a probability of at least 1.01, so it never says occupied: F1 0
     * on any rows with occupancy, though its tag claims 0.999999.
     */
    @Test
    void retrainScoresAModelOpsChampionAndTheChallengerOnTheSameHeldOutRows() throws Exception {
        bed.trainingSets(dir.resolve("data"), 12, 100);
        TrainingSet rows =
                new TrainingSetReader(ModelCard.DEFAULT_TARGET, null, null)
                        .read(dir.resolve("data"));
        TrainedModel champion =
                new ModelTrainer(3, 1, Objective.F1, 1).train(rows, "test", Progress.NONE);
        champion.card.threshold = 1.01;
        Path championDir = dir.resolve("champion");
        champion.writeTo(championDir);
        try (S3Client s3 = bed.s3.client()) {
            for (String file : List.of("model.json", "model.tar.gz")) {
                s3.putObject(
                        r -> r.bucket(SageMakerTestBed.BUCKET).key("models/current/" + file),
                        RequestBody.fromFile(championDir.resolve(file)));
            }
        }
        bed.sageMaker
                .always(
                        "DescribeEndpoint",
                        () ->
                                "{\"EndpointStatus\":\"InService\",\"EndpointConfigName\":\""
                                        + servedConfig()
                                        + "\"}")
                .always(
                        "DescribeEndpointConfig",
                        "{\"ProductionVariants\":[{\"ModelName\":\"old-model\"}]}")
                .always("DescribeModel", "{\"ModelArn\":\"arn:old-model\"}")
                .always(
                        "ListTags",
                        "{\"Tags\":[{\"Key\":\"occupancy-stream:training-rows\",\"Value\":\"100\"},"
                            + "{\"Key\":\"occupancy-stream:metric\",\"Value\":\"F1\"},"
                            + "{\"Key\":\"occupancy-stream:metric-value\",\"Value\":\"0.999999\"},"
                            + "{\"Key\":\"occupancy-stream:source\",\"Value\":\"model-ops:"
                                + champion.card.modelVersion
                                + "\"}]}")
                .always("DescribeModelPackageGroup", "{\"ModelPackageGroupName\":\"g\"}")
                .then("CreateModelPackage", "{\"ModelPackageArn\":\"arn:package/2\"}")
                .then("CreateModel", "{\"ModelArn\":\"arn:model\"}")
                .then("CreateEndpointConfig", "{\"EndpointConfigArn\":\"arn:config\"}")
                .then("UpdateEndpoint", "{\"EndpointArn\":\"arn:endpoint\"}");

        int code =
                retrain(
                        "--min-new-rows",
                        "1000",
                        "--max-candidates",
                        "3",
                        "--model-card",
                        "s3://occupancy/models/current",
                        "--record",
                        dir.resolve("promotion.json").toString());

        assertThat(code).as(bed.err.toString()).isZero();
        Path challengerDir = dir.resolve("challenger");
        Files.createDirectories(challengerDir);
        for (String file : List.of("model.json", "model.tar.gz")) {
            Files.write(challengerDir.resolve(file), bed.objectBytes("models/current/" + file));
        }
        ModelCard challenger = ModelCard.read(challengerDir);
        int heldOut = Math.toIntExact(challenger.rows.get(ModelTrainer.HELD_OUT));
        TrainingSet expectedRows = rows.slice(rows.rows() - heldOut, rows.rows());
        // The challenger's model never trained on the rows it is compared on.
        assertThat(challenger.rows.get("train")).isEqualTo((long) (rows.rows() - heldOut));
        double challengerF1;
        try (OccupancyPredictor predictor = OccupancyPredictor.load(challengerDir)) {
            challengerF1 =
                    ConfusionMatrix.at(
                                    predictor.probabilities(
                                            expectedRows.values(), expectedRows.rows()),
                                    expectedRows.labels(),
                                    predictor.threshold())
                            .f1();
        }
        JsonNode decision = JSON.readTree(Files.readString(dir.resolve("promotion.json")));
        assertThat(decision.get("promoted").asBoolean()).isTrue();
        assertThat(decision.get("reason").asText())
                .isEqualTo("better F1 on the same held-out rows");
        JsonNode compared = decision.get("comparison");
        assertThat(compared.get("sameRows").asBoolean()).isTrue();
        assertThat(compared.get("rows").asInt()).isEqualTo(heldOut);
        assertThat(compared.get("occupied").asLong()).isEqualTo(expectedRows.occupied());
        assertThat(compared.get("fromWindow").asText())
                .isEqualTo(challenger.trainingData.get("validationFromWindow"));
        assertThat(compared.get("toWindow").asText()).isEqualTo("2024-01-08T17:00:00Z");
        assertThat(compared.get("dataHash").asText()).isEqualTo(rows.dataHash());
        assertThat(compared.get("championF1").asDouble()).isEqualTo(0.0);
        assertThat(compared.get("challengerF1").asDouble()).isEqualTo(challengerF1);
        assertThat(bed.out.toString())
                .contains(
                        String.format(
                                Locale.ROOT,
                                "  compared: F1 of both on the same %d held-out rows (%d"
                                        + " occupied), windows %s to 2024-01-08T17:00:00Z%n",
                                heldOut,
                                expectedRows.occupied(),
                                challenger.trainingData.get("validationFromWindow")));
    }

    /** The endpoint config the command created, or the old one before that. */
    private String servedConfig() {
        List<JsonNode> created = bed.sageMaker.bodies("CreateEndpointConfig");
        return created.isEmpty() ? "old" : created.get(0).get("EndpointConfigName").asText();
    }

    private int retrain(String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "retrain",
                                "--data",
                                SageMakerTestBed.DATA,
                                "--model-role",
                                MODEL_ROLE,
                                "--artifacts",
                                "s3://occupancy/models"));
        args.addAll(List.of(more));
        return bed.run(args.toArray(new String[0]));
    }
}
