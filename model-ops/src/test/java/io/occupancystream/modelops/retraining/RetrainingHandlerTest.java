package io.occupancystream.modelops.retraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.sagemaker.RetrainingSteps;
import io.occupancystream.modelops.sagemaker.SageMakerCalls;
import io.occupancystream.modelops.sagemaker.SageMakerTestBed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retraining Lambda's steps against the fake SageMaker control plane (answers shaped as the
 * SageMaker API Reference documents them: "DescribeAutoMLJobV2" with AutoMLJobStatus and
 * FailureReason, "DescribeEndpoint" with EndpointStatus, EndpointConfigName and FailureReason,
 * "CreateAutoMLJobV2", "UpdateEndpoint") and S3Proxy: the success path through a blue/green update,
 * too few new rows, a failed Autopilot job, a losing challenger and a rolled-back update. Each test
 * checks that the steps call no SageMaker operation outside {@code SageMakerCalls.RETRAINING},
 * which the function's role is checked against.
 */
class RetrainingHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/sagemaker";
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final String JOB = "occupancy-retrain-" + NOW.getEpochSecond();
    private static final String SUPPORTED =
            "{\"SAGEMAKER_INFERENCE_SUPPORTED\":\"predicted_label,probability,probabilities,labels\"}";

    @TempDir Path dir;
    @RegisterExtension final SageMakerTestBed bed = new SageMakerTestBed();
    private final StringBuilder logged = new StringBuilder();

    private Map<String, String> environment(String minNewRows) {
        Map<String, String> env = new HashMap<>();
        env.put("TRAINING_DATA", SageMakerTestBed.DATA);
        env.put("MODEL_CARD", "s3://" + SageMakerTestBed.BUCKET + "/models/current");
        env.put("SAGEMAKER_ROLE_ARN", ROLE);
        env.put("ENDPOINT_NAME", "roomOccupancyEndpoint");
        env.put("ENDPOINT_INSTANCE_TYPE", "ml.m5.large");
        env.put("ENDPOINT_INSTANCE_COUNT", "1");
        env.put("PACKAGE_GROUP", "occupancy-stream-models");
        env.put("MIN_NEW_ROWS", minNewRows);
        env.put("MAX_CANDIDATES", "20");
        env.put("ROLLBACK_ALARMS", "occupancy-stream-fallback-rate,occupancy-stream-model-latency");
        env.put("ENDPOINT_MAX_WAIT", "PT45M");
        return env;
    }

    private JsonNode call(Map<String, String> env, ObjectNode input) throws Exception {
        RetrainingHandler handler =
                new RetrainingHandler(
                        env,
                        e -> {
                            return new RetrainingSteps(
                                    bed.sageMakerClient(),
                                    bed.s3.client(),
                                    bed.s3.endpoint(),
                                    RetrainingEnvironment.settings(e),
                                    Clock.fixed(NOW, ZoneOffset.UTC));
                        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(JSON.writeValueAsBytes(input)), out, context());
        return JSON.readTree(out.toByteArray());
    }

    private JsonNode call(ObjectNode input) throws Exception {
        return call(environment("100"), input);
    }

    private static ObjectNode step(RetrainingStep step) {
        return JSON.createObjectNode().put("step", step.name());
    }

    /** A Lambda context whose logger this test reads; the handler uses nothing else of it. */
    private Context context() {
        LambdaLogger logger =
                new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        logged.append(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        logged.append(new String(message, StandardCharsets.UTF_8));
                    }
                };
        return (Context)
                Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {Context.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("getLogger")) {
                                return logger;
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
    }

    private static String completedJob(double f1) {
        return "{\"AutoMLJobName\":\""
                + JOB
                + "\",\"AutoMLJobStatus\":\"Completed\",\"AutoMLJobSecondaryStatus\":\"Completed\","
                + "\"AutoMLProblemTypeConfig\":{\"TabularJobConfig\":{\"Mode\":\"ENSEMBLING\","
                + "\"TargetAttributeName\":\"roomoccupancy\",\"ProblemType\":\"BinaryClassification\"}},"
                + "\"BestCandidate\":{\"CandidateName\":\"best-1\",\"CandidateStatus\":\"Completed\","
                + "\"FinalAutoMLJobObjectiveMetric\":{\"MetricName\":\"F1\",\"Value\":"
                + f1
                + "},\"InferenceContainers\":[{\"Image\":\"autogluon\",\"ModelDataUrl\":"
                + "\"s3://occupancy/autopilot/model.tar.gz\",\"Environment\":"
                + SUPPORTED
                + "}]}}";
    }

    private static String endpoint(String status, String config, String failure) {
        return "{\"EndpointName\":\"roomOccupancyEndpoint\",\"EndpointArn\":\"arn:aws:sagemaker:"
                + "us-east-1:123456789012:endpoint/roomoccupancyendpoint\",\"EndpointStatus\":\""
                + status
                + "\",\"EndpointConfigName\":\""
                + config
                + "\""
                + (failure == null ? "" : ",\"FailureReason\":\"" + failure + "\"")
                + ",\"CreationTime\":1.7E9,\"LastModifiedTime\":1.7E9}";
    }

    /** The endpoint serves old-model, trained on {@code rows} rows with F1 {@code f1}. */
    private void champion(double f1, long rows) {
        bed.sageMaker.thenServing(
                endpoint("InService", "old-config", null),
                "[{\"Key\":\"occupancy-stream:metric\",\"Value\":\"F1\"},"
                        + "{\"Key\":\"occupancy-stream:metric-value\",\"Value\":\""
                        + f1
                        + "\"},{\"Key\":\"occupancy-stream:training-rows\",\"Value\":\""
                        + rows
                        + "\"}]");
    }

    private ObjectNode withTrainedOn(ObjectNode input, JsonNode newRows) {
        input.put("jobName", JOB);
        input.set("trainedOn", newRows.get("trainedOn"));
        return input;
    }

    @AfterEach
    void stepsCallOnlyWhatTheFunctionsRoleGrants() {
        assertThat(SageMakerCalls.RETRAINING).containsAll(bed.sageMaker.operations());
    }

    @Test
    void newRowsStartAutopilotWhoseWinnerGoesOutBlueGreenAndItsCardIsPublished() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        champion(0.9, 450);

        JsonNode rows = call(step(RetrainingStep.NEW_ROWS));

        assertThat(rows.get("retrain").asBoolean()).isTrue();
        assertThat(rows.get("rows").asLong()).isEqualTo(600);
        assertThat(rows.get("newRows").asLong()).isEqualTo(150);
        assertThat(rows.get("message").asText())
                .isEqualTo(
                        "600 rows under s3://occupancy/training; the current model (old-model)"
                                + " was trained on 450: 150 new");
        JsonNode trainedOn = rows.get("trainedOn");
        assertThat(trainedOn.get("rows").asLong()).isEqualTo(600);
        assertThat(trainedOn.get("target").asText()).isEqualTo("roomoccupancy");

        bed.sageMaker.then(
                "CreateAutoMLJobV2",
                "{\"AutoMLJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:automl-job/"
                        + JOB
                        + "\"}");
        JsonNode started = call(step(RetrainingStep.START_AUTOPILOT));
        assertThat(started.toString()).isEqualTo("{\"jobName\":\"" + JOB + "\"}");
        JsonNode job = bed.sageMaker.only("CreateAutoMLJobV2");
        assertThat(job.get("AutoMLJobName").asText()).isEqualTo(JOB);
        assertThat(job.get("RoleArn").asText()).isEqualTo(ROLE);
        assertThat(job.get("AutoMLJobInputDataConfig").get(0).get("DataSource").toString())
                .isEqualTo(
                        "{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\","
                                + "\"S3Uri\":\"s3://occupancy/autopilot/"
                                + JOB
                                + "/input\"}}");
        assertThat(job.get("OutputDataConfig").toString())
                .isEqualTo("{\"S3OutputPath\":\"s3://occupancy/autopilot\"}");
        assertThat(
                        job.get("AutoMLProblemTypeConfig")
                                .get("TabularJobConfig")
                                .get("CompletionCriteria")
                                .toString())
                .isEqualTo("{\"MaxCandidates\":20}");

        bed.sageMaker
                .then(
                        "DescribeAutoMLJobV2",
                        "{\"AutoMLJobName\":\""
                                + JOB
                                + "\",\"AutoMLJobStatus\":\"InProgress\","
                                + "\"AutoMLJobSecondaryStatus\":\"ModelTuning\"}")
                .always("DescribeAutoMLJobV2", completedJob(0.95));
        ObjectNode progress = step(RetrainingStep.AUTOPILOT_PROGRESS).put("jobName", JOB);
        assertThat(call(progress).toString())
                .isEqualTo(
                        "{\"state\":\"RUNNING\",\"message\":\"Autopilot job "
                                + JOB
                                + " InProgress / ModelTuning\"}");
        assertThat(call(progress).toString())
                .isEqualTo(
                        "{\"state\":\"COMPLETED\",\"message\":\"Autopilot job "
                                + JOB
                                + " Completed\"}");

        champion(0.9, 450);
        bed.sageMaker
                .always("DescribeModelPackageGroup", "{\"ModelPackageGroupName\":\"g\"}")
                .then(
                        "CreateModelPackage",
                        "{\"ModelPackageArn\":\"arn:aws:sagemaker:us-east-1:123456789012:"
                                + "model-package/occupancy-stream-models/2\"}")
                .then("CreateModel", "{\"ModelArn\":\"arn:model\"}")
                .then("CreateEndpointConfig", "{\"EndpointConfigArn\":\"arn:config\"}")
                .then("UpdateEndpoint", "{\"EndpointArn\":\"arn:endpoint\"}");
        JsonNode promoted = call(withTrainedOn(step(RetrainingStep.PROMOTE), rows));
        assertThat(promoted.get("promoted").asBoolean()).isTrue();
        assertThat(promoted.get("endpointConfig").asText()).isEqualTo(JOB);
        assertThat(promoted.get("message").asText())
                .isEqualTo(
                        "Challenger "
                                + JOB
                                + " (F1 0.950000) vs champion old-model (F1 0.900000): PROMOTE"
                                + " (better F1)");
        assertThat(promoted.get("decision").get("modelPackageArn").asText())
                .endsWith("model-package/occupancy-stream-models/2");
        assertThat(bed.sageMaker.only("CreateModel").get("ExecutionRoleArn").asText())
                .isEqualTo(ROLE);
        assertThat(bed.sageMaker.only("CreateModel").get("Tags").toString())
                .contains("{\"Key\":\"occupancy-stream:training-rows\",\"Value\":\"600\"}");
        assertThat(bed.sageMaker.only("UpdateEndpoint").toString())
                .isEqualTo(
                        "{\"EndpointName\":\"roomOccupancyEndpoint\",\"EndpointConfigName\":\""
                                + JOB
                                + "\",\"DeploymentConfig\":{\"BlueGreenUpdatePolicy\":{"
                                + "\"TrafficRoutingConfiguration\":{\"Type\":\"ALL_AT_ONCE\","
                                + "\"WaitIntervalInSeconds\":600},"
                                + "\"TerminationWaitInSeconds\":0,"
                                + "\"MaximumExecutionTimeoutInSeconds\":2700},"
                                + "\"AutoRollbackConfiguration\":{\"Alarms\":["
                                + "{\"AlarmName\":\"occupancy-stream-fallback-rate\"},"
                                + "{\"AlarmName\":\"occupancy-stream-model-latency\"}]}}}");

        bed.sageMaker
                .then("DescribeEndpoint", endpoint("Updating", "old-config", null))
                .then("DescribeEndpoint", endpoint("InService", JOB, null));
        ObjectNode serving = step(RetrainingStep.ENDPOINT_PROGRESS).put("endpointConfig", JOB);
        assertThat(call(serving).toString())
                .isEqualTo(
                        "{\"state\":\"UPDATING\",\"message\":\"endpoint roomOccupancyEndpoint"
                                + " is Updating\"}");
        assertThat(call(serving).toString())
                .isEqualTo(
                        "{\"state\":\"SERVING\",\"message\":\"endpoint roomOccupancyEndpoint"
                                + " serves "
                                + JOB
                                + "\"}");

        JsonNode published = call(withTrainedOn(step(RetrainingStep.PUBLISH_CARD), rows));
        assertThat(published.toString())
                .isEqualTo("{\"modelCard\":\"s3://occupancy/models/current\"}");
        Path cardDir = Files.createDirectories(dir.resolve("card"));
        Files.write(cardDir.resolve(ModelCard.FILE), bed.objectBytes("models/current/model.json"));
        ModelCard card = ModelCard.read(cardDir);
        assertThat(card.modelVersion).isEqualTo(JOB);
        assertThat(card.algorithm).isEqualTo("sagemaker-autopilot");
        assertThat(card.features)
                .isEqualTo(JSON.convertValue(trainedOn.get("features"), List.class));
        assertThat(card.rows).containsEntry("total", 600L);
        assertThat(card.trainingData)
                .containsEntry("source", "autopilot:" + JOB + "/best-1")
                .containsEntry("hash", trainedOn.get("dataHash").asText());
        assertThat(logged.toString())
                .contains(
                        "Updating endpoint roomOccupancyEndpoint to "
                                + JOB
                                + " (blue/green, all at once, baking 600 s after each shift, old"
                                + " fleet kept 0 s more, rollback on"
                                + " occupancy-stream-fallback-rate,"
                                + " occupancy-stream-model-latency)\n")
                .contains("PROMOTE answered {\"promoted\":true,\"endpointConfig\":\"" + JOB);
    }

    @Test
    void fewerNewRowsThanTheMinimumStartNothing() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        champion(0.9, 450);

        JsonNode rows = call(environment("151"), step(RetrainingStep.NEW_ROWS));

        assertThat(rows.get("retrain").asBoolean()).isFalse();
        assertThat(rows.get("message").asText())
                .isEqualTo(
                        "600 rows under s3://occupancy/training; the current model (old-model)"
                                + " was trained on 450: 150 new. Not retraining: fewer than 151"
                                + " new rows");
        assertThat(bed.sageMaker.operations())
                .containsExactly(
                        "DescribeEndpoint", "DescribeEndpointConfig", "DescribeModel", "ListTags");
    }

    @Test
    void failedAutopilotJobEndsWithSageMakersFailureReason() throws Exception {
        bed.sageMaker.then(
                "DescribeAutoMLJobV2",
                "{\"AutoMLJobName\":\""
                        + JOB
                        + "\",\"AutoMLJobStatus\":\"Failed\",\"AutoMLJobSecondaryStatus\":\"Failed\",\"FailureReason\":\"ClientError:"
                        + " the target column has one value\"}");

        JsonNode progress = call(step(RetrainingStep.AUTOPILOT_PROGRESS).put("jobName", JOB));

        assertThat(logged.toString()).isEqualTo("AUTOPILOT_PROGRESS answered " + progress + "\n");
        assertThat(progress.toString())
                .isEqualTo(
                        "{\"state\":\"ENDED\",\"message\":\"Autopilot job "
                                + JOB
                                + " Failed: ClientError: the target column has one value\"}");
    }

    @Test
    void losingChallengerLeavesTheEndpointAlone() throws Exception {
        bed.sageMaker.always("DescribeAutoMLJobV2", completedJob(0.88));
        champion(0.9, 450);
        ObjectNode input = step(RetrainingStep.PROMOTE).put("jobName", JOB);
        input.putObject("trainedOn")
                .put("rows", 600)
                .put("target", "roomoccupancy")
                .put("dataHash", "abc")
                .putArray("features")
                .add("temperature");

        JsonNode decision = call(input);

        assertThat(decision.get("promoted").asBoolean()).isFalse();
        assertThat(decision.get("endpointConfig").isNull()).isTrue();
        assertThat(decision.get("message").asText())
                .isEqualTo(
                        "Challenger "
                                + JOB
                                + " (F1 0.880000) vs champion old-model (F1 0.900000): KEEP the"
                                + " champion (not better on F1)");
        assertThat(bed.sageMaker.operations())
                .containsExactly(
                        "DescribeAutoMLJobV2",
                        "DescribeEndpoint",
                        "DescribeEndpointConfig",
                        "DescribeModel",
                        "ListTags");
    }

    @Test
    void rolledBackUpdateFailsWithTheConfigStillServedAndSageMakersReason() throws Exception {
        // A rollback leaves the endpoint InService on its old config ("Auto-Rollback
        // Configuration and Monitoring"); whether SageMaker then sets FailureReason is not
        // documented, so none is scripted.
        bed.sageMaker.then("DescribeEndpoint", endpoint("InService", "old-config", null));

        JsonNode progress = call(step(RetrainingStep.ENDPOINT_PROGRESS).put("endpointConfig", JOB));

        assertThat(progress.toString())
                .isEqualTo(
                        "{\"state\":\"FAILED\",\"message\":\"the deployment of "
                                + JOB
                                + " was rolled back; the endpoint still serves old-config\"}");
    }

    @Test
    void aStepWithoutItsInputFailsNamingTheField() {
        assertThatThrownBy(() -> call(step(RetrainingStep.AUTOPILOT_PROGRESS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input has no jobName: {\"step\":\"AUTOPILOT_PROGRESS\"}");
    }
}
