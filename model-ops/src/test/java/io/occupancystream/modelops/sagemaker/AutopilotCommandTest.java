package io.occupancystream.modelops.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model-ops autopilot} against a fake SageMaker that checks each request: the AutoML job,
 * the following of it, the inference output per mode, and the promotion's calls and decisions.
 */
class AutopilotCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/autopilot";
    private static final String MODEL_ROLE = "arn:aws:iam::123456789012:role/model";
    private static final String JOB = "occupancy-test";
    private static final String SUPPORTED =
            "{\"SAGEMAKER_INFERENCE_SUPPORTED\":\"predicted_label,probability,probabilities,labels\"}";

    @TempDir Path dir;
    @RegisterExtension final SageMakerTestBed bed = new SageMakerTestBed();

    private int autopilot(String... more) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "autopilot",
                                "--data",
                                SageMakerTestBed.DATA,
                                "--role",
                                ROLE,
                                "--job-name",
                                JOB,
                                "--max-candidates",
                                "20",
                                "--record",
                                dir.resolve("promotion.json").toString()));
        args.addAll(List.of(more));
        return bed.run(args.toArray(new String[0]));
    }

    private static String completedJob(String mode, double f1, String containers) {
        return "{\"AutoMLJobName\":\""
                + JOB
                + "\",\"AutoMLJobStatus\":\"Completed\",\"AutoMLJobSecondaryStatus\":\"Completed\","
                + "\"AutoMLProblemTypeConfig\":{\"TabularJobConfig\":{\"Mode\":\""
                + mode
                + "\",\"TargetAttributeName\":\"roomoccupancy\",\"ProblemType\":\"BinaryClassification\"}},"
                + "\"BestCandidate\":{\"CandidateName\":\"best-1\",\"CandidateStatus\":\"Completed\","
                + "\"FinalAutoMLJobObjectiveMetric\":{\"MetricName\":\"F1\",\"Value\":"
                + f1
                + "},\"InferenceContainers\":"
                + containers
                + "}}";
    }

    private static String container(String image, String environment) {
        return "{\"Image\":\""
                + image
                + "\",\"ModelDataUrl\":\"s3://occupancy/autopilot/"
                + image
                + ".tar.gz\",\"Environment\":"
                + environment
                + "}";
    }

    private static String inProgress(String secondary) {
        return "{\"AutoMLJobName\":\""
                + JOB
                + "\",\"AutoMLJobStatus\":\"InProgress\",\"AutoMLJobSecondaryStatus\":\""
                + secondary
                + "\"}";
    }

    private void scriptJob(String completed) {
        bed.sageMaker
                .then(
                        "CreateAutoMLJobV2",
                        "{\"AutoMLJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:automl-job/"
                                + JOB
                                + "\"}")
                .then("DescribeAutoMLJobV2", inProgress("AnalyzingData"))
                .then("DescribeAutoMLJobV2", inProgress("ModelTuning"))
                .then("DescribeAutoMLJobV2", completed)
                .then("ListCandidatesForAutoMLJob", "{\"Candidates\":[]}")
                .then(
                        "ListCandidatesForAutoMLJob",
                        "{\"Candidates\":[{\"CandidateName\":\"a\"},{\"CandidateName\":\"b\"}]}")
                .always(
                        "ListCandidatesForAutoMLJob",
                        "{\"Candidates\":[{\"CandidateName\":\"a\"},{\"CandidateName\":\"b\"},"
                                + "{\"CandidateName\":\"best-1\"}]}");
    }

    private void scriptDeployment(String endpointConfig) {
        bed.sageMaker
                .thenError(
                        "DescribeModelPackageGroup",
                        400,
                        "ValidationException",
                        "ModelPackageGroup occupancy-stream-models does not exist.")
                .then("CreateModelPackageGroup", "{\"ModelPackageGroupArn\":\"arn:group\"}")
                .then(
                        "CreateModelPackage",
                        "{\"ModelPackageArn\":\"arn:aws:sagemaker:us-east-1:123456789012:"
                                + "model-package/occupancy-stream-models/1\"}")
                .then("CreateModel", "{\"ModelArn\":\"arn:model\"}")
                .then("CreateEndpointConfig", "{\"EndpointConfigArn\":\"arn:config\"}")
                .then("DescribeEndpoint", endpoint("Creating", endpointConfig))
                .then("DescribeEndpoint", endpoint("InService", endpointConfig));
    }

    private static String endpoint(String status, String config) {
        return "{\"EndpointName\":\"roomOccupancyEndpoint\",\"EndpointStatus\":\""
                + status
                + "\",\"EndpointConfigName\":\""
                + config
                + "\"}";
    }

    private void scriptChampion(double f1) {
        bed.sageMaker.thenServing(
                endpoint("InService", "old-config"),
                "[{\"Key\":\"occupancy-stream:metric\",\"Value\":\"F1\"},"
                        + "{\"Key\":\"occupancy-stream:metric-value\",\"Value\":\""
                        + f1
                        + "\"}]");
    }

    @Test
    void startsTheJobOnTheTrainingPrefixFollowsItAndDeploysTheFirstEndpoint() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        scriptJob(completedJob("ENSEMBLING", 0.93, "[" + container("autogluon", SUPPORTED) + "]"));
        bed.sageMaker.thenError(
                "DescribeEndpoint",
                400,
                "ValidationException",
                "Could not find endpoint \\\"roomOccupancyEndpoint\\\".");
        scriptDeployment(JOB);
        bed.sageMaker.then("CreateEndpoint", "{\"EndpointArn\":\"arn:endpoint\"}");

        int code =
                autopilot(
                        "--wait",
                        "--promote",
                        "--model-role",
                        MODEL_ROLE,
                        "--model-card",
                        "s3://occupancy/models/current");

        assertThat(code).as(bed.err.toString()).isZero();
        JsonNode job = bed.sageMaker.only("CreateAutoMLJobV2");
        assertThat(job.toString())
                .isEqualTo(
                        "{\"AutoMLJobName\":\"occupancy-test\",\"AutoMLJobInputDataConfig\":[{"
                            + "\"ChannelType\":\"training\",\"ContentType\":\"text/csv;header=present\","
                            + "\"CompressionType\":\"None\",\"DataSource\":{\"S3DataSource\":{"
                            + "\"S3DataType\":\"S3Prefix\",\"S3Uri\":"
                            + "\"s3://occupancy/autopilot/occupancy-test/input\"}}}],"
                            + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://occupancy/autopilot\"},"
                            + "\"AutoMLProblemTypeConfig\":{\"TabularJobConfig\":{"
                            + "\"CompletionCriteria\":{\"MaxCandidates\":20},\"Mode\":\"AUTO\","
                            + "\"ProblemType\":\"BinaryClassification\","
                            + "\"TargetAttributeName\":\"roomoccupancy\"}},\"RoleArn\":\""
                                + ROLE
                                + "\",\"AutoMLJobObjective\":{\"MetricName\":\"F1\"}}");
        assertThat(bed.sageMaker.bodies("ListCandidatesForAutoMLJob"))
                .hasSize(3)
                .allSatisfy(body -> assertThat(body.get("MaxResults").asInt()).isEqualTo(100));
        assertThat(bed.out.toString())
                .contains("600 rows (")
                .contains(JOB + ": InProgress / AnalyzingData, candidates so far: 0")
                .contains(JOB + ": InProgress / ModelTuning, candidates so far: 2")
                .contains(JOB + ": Completed / Completed, candidates so far: 3")
                .contains("Best candidate autopilot:occupancy-test/best-1: F1 0.9300")
                .contains("vs champion none: PROMOTE (no endpoint yet)")
                .contains("endpoint roomOccupancyEndpoint: Creating")
                .contains("endpoint roomOccupancyEndpoint: InService");
        JsonNode model = bed.sageMaker.only("CreateModel");
        assertThat(model.get("ExecutionRoleArn").asText()).isEqualTo(MODEL_ROLE);
        assertThat(model.get("PrimaryContainer").get("Environment").toString())
                .isEqualTo(
                        "{\"SAGEMAKER_INFERENCE_SUPPORTED\":\"predicted_label,probability,"
                                + "probabilities,labels\",\"SAGEMAKER_INFERENCE_OUTPUT\":"
                                + "\"predicted_label,probability,probabilities,labels\"}");
        assertThat(model.get("Tags").toString())
                .contains("{\"Key\":\"occupancy-stream:metric\",\"Value\":\"F1\"}")
                .contains("{\"Key\":\"occupancy-stream:metric-value\",\"Value\":\"0.930000\"}")
                .contains("{\"Key\":\"occupancy-stream:training-rows\",\"Value\":\"600\"}");
        JsonNode registered = bed.sageMaker.only("CreateModelPackage");
        assertThat(registered.get("ModelApprovalStatus").asText()).isEqualTo("Approved");
        assertThat(registered.get("CustomerMetadataProperties").get("metricValue").asText())
                .isEqualTo("0.930000");
        assertThat(bed.sageMaker.only("CreateEndpoint").toString())
                .isEqualTo(
                        "{\"EndpointName\":\"roomOccupancyEndpoint\",\"EndpointConfigName\":\""
                                + JOB
                                + "\"}");
        JsonNode decision = JSON.readTree(Files.readString(dir.resolve("promotion.json")));
        assertThat(decision.get("promoted").asBoolean()).isTrue();
        assertThat(decision.get("champion").isNull()).isTrue();
        JsonNode card = JSON.readTree(bed.object("models/current/model.json"));
        assertThat(card.get("modelVersion").asText()).isEqualTo(JOB);
        assertThat(card.get("features").toString())
                .isEqualTo("[\"temperature\",\"sound\",\"sound_mean_5m\",\"hour_of_day\"]");
    }

    /**
     * The baking period the alarms watch is WaitIntervalInSeconds (0-3600),
     * TerminationWaitInSeconds (0-3600) comes after it, MaximumExecutionTimeoutInSeconds is
     * 600-28800 (SageMaker API reference: TrafficRoutingConfig, BlueGreenUpdatePolicy).
     */
    @Test
    void tuningCandidateBeatingTheChampionGoesOutBlueGreenWithRollbackAlarms() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        String containers =
                "["
                        + container("transform", "{\"SAGEMAKER_INFERENCE_SUPPORTED\":\"\"}")
                        + ","
                        // the algorithm container's keys, as AWS's "Configure inference output
                        // in generated containers" lists them (labels deliberately not)
                        + container(
                                "xgboost",
                                "{\"SAGEMAKER_INFERENCE_SUPPORTED\":"
                                        + "\"predicted_label,probability,probabilities\"}")
                        + ","
                        + container("inverse-label", SUPPORTED)
                        + "]";
        scriptJob(completedJob("HYPERPARAMETER_TUNING", 0.95, containers));
        scriptChampion(0.9);
        scriptDeployment(JOB);
        bed.sageMaker.then("UpdateEndpoint", "{\"EndpointArn\":\"arn:endpoint\"}");

        int code =
                autopilot(
                        "--mode",
                        "HYPERPARAMETER_TUNING",
                        "--wait",
                        "--promote",
                        "--model-role",
                        MODEL_ROLE,
                        "--instance-count",
                        "2",
                        "--canary-percent",
                        "10",
                        "--baking-seconds",
                        "120",
                        "--termination-wait-seconds",
                        "300",
                        "--rollback-alarm",
                        "occupancy-fallback-rate");

        assertThat(code).as(bed.err.toString()).isZero();
        JsonNode pipeline = bed.sageMaker.only("CreateModel").get("Containers");
        assertThat(pipeline).hasSize(3);
        assertThat(pipeline.get(0).get("Environment").toString())
                .isEqualTo("{\"SAGEMAKER_INFERENCE_SUPPORTED\":\"\"}");
        assertThat(pipeline.get(1).get("Environment").get("SAGEMAKER_INFERENCE_OUTPUT").asText())
                .isEqualTo("predicted_label,probability,probabilities");
        assertThat(pipeline.get(2).get("Environment").get("SAGEMAKER_INFERENCE_INPUT").asText())
                .isEqualTo("predicted_label,probability,probabilities");
        assertThat(pipeline.get(2).get("Environment").get("SAGEMAKER_INFERENCE_OUTPUT").asText())
                .isEqualTo("predicted_label,probability,probabilities,labels");
        assertThat(bed.sageMaker.only("UpdateEndpoint").toString())
                .isEqualTo(
                        "{\"EndpointName\":\"roomOccupancyEndpoint\",\"EndpointConfigName\":\""
                                + JOB
                                + "\",\"DeploymentConfig\":{\"BlueGreenUpdatePolicy\":{"
                                + "\"TrafficRoutingConfiguration\":{\"Type\":\"CANARY\","
                                + "\"WaitIntervalInSeconds\":120,\"CanarySize\":{"
                                + "\"Type\":\"CAPACITY_PERCENT\",\"Value\":10}},"
                                + "\"TerminationWaitInSeconds\":300,"
                                + "\"MaximumExecutionTimeoutInSeconds\":2700},"
                                + "\"AutoRollbackConfiguration\":{\"Alarms\":[{"
                                + "\"AlarmName\":\"occupancy-fallback-rate\"}]}}}");
        assertThat(bed.out.toString())
                .contains("vs champion old-model (F1 0.900000): PROMOTE (better F1)");
        assertThat(bed.sageMaker.operations()).doesNotContain("CreateEndpoint");
    }

    @Test
    void challengerThatIsNotBetterLeavesTheEndpointAloneAndSaysSo() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        scriptJob(completedJob("ENSEMBLING", 0.88, "[" + container("autogluon", SUPPORTED) + "]"));
        scriptChampion(0.9);

        int code = autopilot("--wait", "--promote", "--model-role", MODEL_ROLE);

        assertThat(code).isZero();
        assertThat(bed.out.toString())
                .contains(
                        "Challenger occupancy-test (F1 0.880000) vs champion old-model (F1"
                                + " 0.900000): KEEP the champion (not better on F1)\n"
                                + "  compared: recorded metrics from different splits (the"
                                + " challenger is an Autopilot model, measured on Autopilot's own"
                                + " validation split; it cannot be scored here)\n");
        assertThat(bed.sageMaker.operations())
                .doesNotContain("CreateModel", "CreateEndpointConfig", "UpdateEndpoint");
        JsonNode decision = JSON.readTree(Files.readString(dir.resolve("promotion.json")));
        assertThat(decision.get("promoted").asBoolean()).isFalse();
        assertThat(decision.get("champion").get("value").asDouble()).isEqualTo(0.9);
        assertThat(decision.get("comparison").toString())
                .isEqualTo(
                        "{\"sameRows\":false,\"basis\":\"recorded metrics from different"
                                + " splits\",\"why\":\"the challenger is an Autopilot model,"
                                + " measured on Autopilot's own validation split; it cannot be"
                                + " scored here\"}");
    }

    /**
     * A rerun after a partial failure meets the names it created: SageMaker answers 400
     * ValidationException "Cannot create already existing model|endpoint configuration "ARN"." (the
     * message the SageMaker Python SDK matches in Session.create_model; the API reference lists no
     * error for it). The same model is reused; a different config gets the next name.
     */
    @Test
    void rerunReusesItsModelAndNamesADifferentEndpointConfigAnew() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        scriptJob(completedJob("ENSEMBLING", 0.95, "[" + container("autogluon", SUPPORTED) + "]"));
        scriptChampion(0.9);
        String arn = "arn:aws:sagemaker:us-east-1:123456789012:";
        bed.sageMaker
                .always("DescribeModelPackageGroup", "{\"ModelPackageGroupName\":\"g\"}")
                .then("CreateModelPackage", "{\"ModelPackageArn\":\"arn:package/2\"}")
                .thenError(
                        "CreateModel",
                        400,
                        "ValidationException",
                        "Cannot create already existing model \\\""
                                + arn
                                + "model/"
                                + JOB
                                + "\\\".")
                .then(
                        "DescribeModel",
                        "{\"ModelName\":\""
                                + JOB
                                + "\",\"PrimaryContainer\":"
                                + container("autogluon", SUPPORTED)
                                + "}")
                .thenError(
                        "CreateEndpointConfig",
                        400,
                        "ValidationException",
                        "Cannot create already existing endpoint configuration \\\""
                                + arn
                                + "endpoint-config/"
                                + JOB
                                + "\\\".")
                .then(
                        "DescribeEndpointConfig",
                        "{\"EndpointConfigName\":\""
                                + JOB
                                + "\",\"ProductionVariants\":[{\"VariantName\":\"AllTraffic\","
                                + "\"ModelName\":\""
                                + JOB
                                + "\",\"InstanceType\":\"ml.c5.large\",\"InitialInstanceCount\":1}]}")
                .then("CreateEndpointConfig", "{\"EndpointConfigArn\":\"arn:config\"}")
                .then("UpdateEndpoint", "{\"EndpointArn\":\"arn:endpoint\"}")
                .then("DescribeEndpoint", endpoint("InService", JOB + "-2"));

        int code = autopilot("--wait", "--promote", "--model-role", MODEL_ROLE);

        assertThat(code).as(bed.err.toString()).isZero();
        assertThat(bed.sageMaker.bodies("CreateModel")).hasSize(1);
        List<JsonNode> configs = bed.sageMaker.bodies("CreateEndpointConfig");
        assertThat(configs).hasSize(2);
        assertThat(configs.get(1).get("EndpointConfigName").asText()).isEqualTo(JOB + "-2");
        assertThat(configs.get(1).get("ProductionVariants").get(0).get("ModelName").asText())
                .isEqualTo(JOB);
        assertThat(bed.sageMaker.only("UpdateEndpoint").get("EndpointConfigName").asText())
                .isEqualTo(JOB + "-2");
        assertThat(bed.out.toString()).contains("Reusing model " + JOB + " from an earlier run\n");
        JsonNode decision = JSON.readTree(Files.readString(dir.resolve("promotion.json")));
        assertThat(decision.get("endpointConfig").asText()).isEqualTo(JOB + "-2");
    }

    /** Canary size at most 50% of the variant's instances ("Use canary traffic shifting"). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "--canary-percent=10|--max-wait=PT45M|--canary-percent needs at least 2 instances"
                        + " (--instance-count): the canary may be at most 50% of the variant's 1"
                        + " instance(s); use 0 to shift all at once",
                "--canary-percent=60|--instance-count=4|--canary-percent must be 1 to 50, not 60",
                "--baking-seconds=3601|--max-wait=PT45M|--baking-seconds must be 0 to 3600, not"
                        + " 3601",
                "--termination-wait-seconds=-1|--max-wait=PT45M|--termination-wait-seconds must be"
                        + " 0 to 3600, not -1",
                "--baking-seconds=600|--max-wait=PT5M|--max-wait PT5M must be longer than the"
                        + " deployment's waiting time (600 s of baking and termination wait)",
            })
    void deploymentOutsideSageMakersLimitsIsRefusedBeforeAnyCall(
            String option, String other, String message) throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);

        int code = autopilot("--wait", "--promote", "--model-role", MODEL_ROLE, option, other);

        assertThat(code).isEqualTo(1);
        assertThat(bed.err.toString()).isEqualTo("model-ops autopilot: " + message + "\n");
        assertThat(bed.sageMaker.operations()).isEmpty();
    }

    @Test
    void failedJobIsAOneLineErrorWithSageMakersReason() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        scriptJob(
                "{\"AutoMLJobName\":\""
                        + JOB
                        + "\",\"AutoMLJobStatus\":\"Failed\",\"AutoMLJobSecondaryStatus\":\"Failed\",\"FailureReason\":\"ClientError:"
                        + " the target column has one value\"}");

        int code = autopilot("--wait");

        assertThat(code).isEqualTo(1);
        assertThat(bed.err.toString())
                .isEqualTo(
                        "model-ops autopilot: Autopilot job occupancy-test Failed: ClientError:"
                                + " the target column has one value\n");
    }

    @Test
    void rolledBackUpdateFailsTheCommand() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        scriptJob(completedJob("ENSEMBLING", 0.95, "[" + container("autogluon", SUPPORTED) + "]"));
        scriptChampion(0.9);
        scriptDeployment("old-config");
        bed.sageMaker.then("UpdateEndpoint", "{\"EndpointArn\":\"arn:endpoint\"}");

        int code = autopilot("--wait", "--promote", "--model-role", MODEL_ROLE);

        assertThat(code).isEqualTo(1);
        assertThat(bed.err.toString())
                .contains(
                        "the deployment of occupancy-test was rolled back; the endpoint still"
                                + " serves old-config");
    }

    @Test
    void failedEndpointUpdateFailsTheCommandWithSageMakersReason() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        scriptJob(completedJob("ENSEMBLING", 0.95, "[" + container("autogluon", SUPPORTED) + "]"));
        scriptChampion(0.9);
        bed.sageMaker
                .always("DescribeModelPackageGroup", "{\"ModelPackageGroupName\":\"g\"}")
                .then("CreateModelPackage", "{\"ModelPackageArn\":\"arn:package/2\"}")
                .then("CreateModel", "{\"ModelArn\":\"arn:model\"}")
                .then("CreateEndpointConfig", "{\"EndpointConfigArn\":\"arn:config\"}")
                .then("UpdateEndpoint", "{\"EndpointArn\":\"arn:endpoint\"}")
                .then("DescribeEndpoint", endpoint("Updating", "old-config"))
                .then(
                        "DescribeEndpoint",
                        "{\"EndpointStatus\":\"Failed\",\"EndpointConfigName\":\"old-config\","
                                + "\"FailureReason\":\"The primary container did not pass the ping"
                                + " health check.\"}");

        int code = autopilot("--wait", "--promote", "--model-role", MODEL_ROLE);

        assertThat(code).isEqualTo(1);
        assertThat(bed.err.toString())
                .isEqualTo(
                        "model-ops autopilot: endpoint roomOccupancyEndpoint is Failed: The primary"
                                + " container did not pass the ping health check.\n");
    }

    @Test
    void throttledRequestIsRetriedBySdk() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);
        bed.sageMaker.thenError("CreateAutoMLJobV2", 400, "ThrottlingException", "Rate exceeded");
        scriptJob(completedJob("ENSEMBLING", 0.9, "[" + container("autogluon", SUPPORTED) + "]"));

        int code = autopilot();

        assertThat(code).as(bed.err.toString()).isZero();
        assertThat(bed.sageMaker.bodies("CreateAutoMLJobV2")).hasSize(2);
    }

    @Test
    void promotingWithoutAModelRoleIsRefusedBeforeTheJobStarts() throws Exception {
        bed.trainingSets(dir.resolve("data"), 6, 100);

        int code = autopilot("--wait", "--promote");

        assertThat(code).isEqualTo(1);
        assertThat(bed.err.toString())
                .isEqualTo(
                        "model-ops autopilot: --model-role ARN is needed to deploy: the role the"
                                + " SageMaker model runs with\n");
        assertThat(bed.sageMaker.operations()).isEmpty();
    }

    @Test
    void fewerThan500RowsAreRefusedBeforeAnythingStarts() throws Exception {
        bed.trainingSets(dir.resolve("data"), 4, 100);

        int code = autopilot();

        assertThat(code).isEqualTo(1);
        assertThat(bed.err.toString())
                .isEqualTo(
                        "model-ops autopilot: Autopilot needs at least 500 rows;"
                                + " s3://occupancy/training has 400\n");
        assertThat(bed.sageMaker.operations()).isEmpty();
    }
}
