package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.deploy.IamStatements.Statement;
import io.occupancystream.modelops.retraining.RetrainingEnvironment;
import io.occupancystream.modelops.sagemaker.AutopilotJobSpec;
import io.occupancystream.modelops.sagemaker.SageMakerCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

/**
 * The retraining stack from its synthesized template: every state of the state machine with its
 * transitions, retries and catches (read from the definition CloudFormation receives), the function
 * that runs model-ops' handler, the roles' statements against the calls the handler makes, the
 * schedule and the topic.
 */
class RetrainingStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Synthesized S = Synthesized.DEFAULT;
    private static final String BUCKET_ARN = "arn:${AWS::Partition}:s3:::" + Synthesized.BUCKET;
    private static final String SAGEMAKER =
            "arn:${AWS::Partition}:sagemaker:eu-west-1:123456789012:";
    private static final List<String> SHARED_WITH_THE_OPERATOR =
            List.of(
                    "ListTrainingSets",
                    "StageAutopilotInput",
                    "RegisterModelPackages",
                    "PassSageMakerRole");
    private static final List<String> LAMBDA_SERVICE_ERRORS =
            List.of(
                    "Lambda.ClientExecutionTimeoutException",
                    "Lambda.ServiceException",
                    "Lambda.AWSLambdaException",
                    "Lambda.SdkClientException");

    private static JsonNode definition(Template template) throws Exception {
        Map<String, Map<String, Object>> machines =
                template.findResources("AWS::StepFunctions::StateMachine");
        assertThat(machines).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties =
                (Map<String, Object>) machines.values().iterator().next().get("Properties");
        return JSON.readTree(IamStatements.text(properties.get("DefinitionString")));
    }

    private static JsonNode states() throws Exception {
        return definition(S.retrainingTemplate).get("States");
    }

    /** Each state as "Type -> where it goes", choices as "variable op value -> next". */
    private static Map<String, String> transitions(JsonNode states) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Iterator<String> names = states.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode state = states.get(name);
            String type = state.get("Type").asText();
            String to;
            if (type.equals("Choice")) {
                List<String> choices = new ArrayList<>();
                for (JsonNode choice : state.get("Choices")) {
                    String variable = choice.get("Variable").asText();
                    String test = "";
                    for (Iterator<String> f = choice.fieldNames(); f.hasNext(); ) {
                        String field = f.next();
                        if (!field.equals("Variable") && !field.equals("Next")) {
                            test = field + " " + choice.get(field);
                        }
                    }
                    choices.add(variable + " " + test + " -> " + choice.get("Next").asText());
                }
                choices.add("otherwise -> " + state.get("Default").asText());
                to = String.join("; ", choices);
            } else if (state.has("Next")) {
                to = state.get("Next").asText();
            } else {
                to = state.path("End").asBoolean() ? "end" : "stop";
            }
            all.put(name, type + " -> " + to);
        }
        return all;
    }

    @Test
    void everyStateAndWhereItGoes() throws Exception {
        assertThat(definition(S.retrainingTemplate).get("StartAt").asText())
                .isEqualTo("CountNewRows");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("CountNewRows", "Task -> EnoughNewRows?");
        expected.put(
                "EnoughNewRows?",
                "Choice -> $.rows.retrain BooleanEquals true -> StartAutopilot;"
                        + " otherwise -> NotifySkipped");
        expected.put("NotifySkipped", "Task -> Done");
        expected.put("Done", "Succeed -> stop");
        expected.put("StartAutopilot", "Task -> StartAutopilotPolls");
        expected.put("StartAutopilotPolls", "Pass -> WaitForAutopilot");
        expected.put("WaitForAutopilot", "Wait -> CheckAutopilot");
        expected.put("CheckAutopilot", "Task -> CountAutopilotPoll");
        expected.put("CountAutopilotPoll", "Pass -> AutopilotDone?");
        expected.put(
                "AutopilotDone?",
                "Choice -> $.autopilotProgress.state StringEquals \"COMPLETED\" -> Promote;"
                        + " $.autopilotProgress.state StringEquals \"ENDED\" ->"
                        + " NotifyAutopilotFailed;"
                        + " $.polls.autopilot.count NumericGreaterThanEquals 288 ->"
                        + " NotifyAutopilotTimedOut; otherwise -> WaitForAutopilot");
        expected.put("Promote", "Task -> Promoted?");
        expected.put(
                "Promoted?",
                "Choice -> $.promotion.promoted BooleanEquals true -> StartEndpointPolls;"
                        + " otherwise -> NotifyChampionKept");
        expected.put("StartEndpointPolls", "Pass -> WaitForEndpoint");
        expected.put("WaitForEndpoint", "Wait -> CheckEndpoint");
        expected.put("CheckEndpoint", "Task -> CountEndpointPoll");
        expected.put("CountEndpointPoll", "Pass -> EndpointDone?");
        expected.put(
                "EndpointDone?",
                "Choice -> $.endpointProgress.state StringEquals \"SERVING\" -> PublishCard;"
                        + " $.endpointProgress.state StringEquals \"FAILED\" ->"
                        + " NotifyEndpointFailed;"
                        + " $.polls.endpoint.count NumericGreaterThanEquals 60 ->"
                        + " NotifyEndpointTimedOut; otherwise -> WaitForEndpoint");
        expected.put("PublishCard", "Task -> NotifyPromoted");
        expected.put("NotifyPromoted", "Task -> Done");
        expected.put("NotifyEndpointFailed", "Task -> Failed");
        expected.put("Failed", "Fail -> stop");
        expected.put("NotifyEndpointTimedOut", "Task -> Failed");
        expected.put("NotifyChampionKept", "Task -> Done");
        expected.put("NotifyAutopilotFailed", "Task -> Failed");
        expected.put("NotifyAutopilotTimedOut", "Task -> Failed");
        expected.put("NotifyError", "Task -> Failed");
        assertThat(transitions(states())).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void lambdaStepsNameTheirStepTakeTheirInputAndKeepTheirResultApart() throws Exception {
        JsonNode states = states();
        String function = "${" + logicalId(S.retraining.function.function) + ".Arn}";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("CountNewRows", "{\"step\":\"NEW_ROWS\"} -> $.rows");
        expected.put("StartAutopilot", "{\"step\":\"START_AUTOPILOT\"} -> $.autopilot");
        expected.put(
                "CheckAutopilot",
                "{\"step\":\"AUTOPILOT_PROGRESS\",\"jobName.$\":\"$.autopilot.jobName\"}"
                        + " -> $.autopilotProgress");
        expected.put(
                "Promote",
                "{\"step\":\"PROMOTE\",\"jobName.$\":\"$.autopilot.jobName\","
                        + "\"trainedOn.$\":\"$.rows.trainedOn\"} -> $.promotion");
        expected.put(
                "CheckEndpoint",
                "{\"step\":\"ENDPOINT_PROGRESS\","
                        + "\"endpointConfig.$\":\"$.promotion.endpointConfig\"}"
                        + " -> $.endpointProgress");
        expected.put(
                "PublishCard",
                "{\"step\":\"PUBLISH_CARD\",\"jobName.$\":\"$.autopilot.jobName\","
                        + "\"trainedOn.$\":\"$.rows.trainedOn\"} -> $.card");
        Map<String, String> actual = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            JsonNode state = states.get(name);
            assertThat(state.get("Resource").asText()).as(name).isEqualTo(function);
            actual.put(name, state.get("Parameters") + " -> " + state.get("ResultPath").asText());
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void lambdaStepsRetryLambdaServiceErrorsAndAnyOtherErrorIsPublishedAndFailsTheRun()
            throws Exception {
        JsonNode states = states();
        for (String name :
                List.of(
                        "CountNewRows",
                        "StartAutopilot",
                        "CheckAutopilot",
                        "Promote",
                        "CheckEndpoint",
                        "PublishCard")) {
            JsonNode state = states.get(name);
            assertThat(state.get("Retry").toString())
                    .as(name)
                    .isEqualTo(
                            "[{\"ErrorEquals\":"
                                    + JSON.writeValueAsString(LAMBDA_SERVICE_ERRORS)
                                    + ",\"IntervalSeconds\":2,\"MaxAttempts\":6,"
                                    + "\"BackoffRate\":2}]");
            assertThat(state.get("Catch").toString())
                    .as(name)
                    .isEqualTo(
                            "[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.error\","
                                    + "\"Next\":\"NotifyError\"}]");
        }
        List<String> withRetryOrCatch = new ArrayList<>();
        states.fields()
                .forEachRemaining(
                        e -> {
                            if (e.getValue().has("Retry") || e.getValue().has("Catch")) {
                                withRetryOrCatch.add(e.getKey());
                            }
                        });
        // The notifications have neither: a failed publish fails the run, which shows it.
        assertThat(withRetryOrCatch)
                .containsExactlyInAnyOrder(
                        "CountNewRows",
                        "StartAutopilot",
                        "CheckAutopilot",
                        "Promote",
                        "CheckEndpoint",
                        "PublishCard");
    }

    @Test
    void pollsWaitBetweenLooksAndCountThem() throws Exception {
        JsonNode states = states();
        assertThat(states.get("WaitForAutopilot").get("Seconds").asInt()).isEqualTo(300);
        assertThat(states.get("WaitForEndpoint").get("Seconds").asInt()).isEqualTo(60);
        assertThat(states.get("StartAutopilotPolls").get("Result").toString())
                .isEqualTo("{\"count\":0}");
        assertThat(states.get("StartAutopilotPolls").get("ResultPath").asText())
                .isEqualTo("$.polls.autopilot");
        assertThat(states.get("CountAutopilotPoll").get("Parameters").toString())
                .isEqualTo("{\"count.$\":\"States.MathAdd($.polls.autopilot.count, 1)\"}");
        assertThat(states.get("CountAutopilotPoll").get("ResultPath").asText())
                .isEqualTo("$.polls.autopilot");
        assertThat(states.get("StartEndpointPolls").get("Result").toString())
                .isEqualTo("{\"count\":0}");
        assertThat(states.get("CountEndpointPoll").get("Parameters").toString())
                .isEqualTo("{\"count.$\":\"States.MathAdd($.polls.endpoint.count, 1)\"}");
        // SageMaker gives up on the blue/green deployment when the state machine does.
        assertThat(environment().get("ENDPOINT_MAX_WAIT")).isEqualTo("PT1H");
    }

    @Test
    void everyOutcomeIsPublishedToTheTopicWithWhatHappened() throws Exception {
        JsonNode states = states();
        String topic = "${" + logicalId(S.retraining.topic) + "}";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("NotifySkipped", "skipped|$.rows.message");
        expected.put("NotifyAutopilotFailed", "Autopilot failed|$.autopilotProgress.message");
        expected.put("NotifyAutopilotTimedOut", "Autopilot timed out|$.autopilotProgress.message");
        expected.put("NotifyChampionKept", "champion kept|$.promotion.message");
        expected.put("NotifyEndpointFailed", "endpoint update failed|$.endpointProgress.message");
        expected.put(
                "NotifyEndpointTimedOut", "endpoint update timed out|$.endpointProgress.message");
        expected.put("NotifyPromoted", "promoted|$.promotion.message");
        Map<String, String> actual = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            JsonNode state = states.get(name);
            assertThat(state.get("Resource").asText())
                    .isEqualTo("arn:${AWS::Partition}:states:::sns:publish");
            assertThat(state.get("Parameters").get("TopicArn").asText()).isEqualTo(topic);
            assertThat(state.get("ResultPath").isNull()).isTrue();
            String subject = state.get("Parameters").get("Subject").asText();
            String message = state.get("Parameters").get("Message.$").asText();
            actual.put(
                    name,
                    subject.substring("occupancy-stream retraining: ".length())
                            + "|"
                            + message.replace("States.Format('{} (execution {})', ", "")
                                    .replace(", $$.Execution.Id)", ""));
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(states.get("NotifyError").get("Parameters").get("Message.$").asText())
                .isEqualTo("States.Format('{}: {}', $.error.Error, $.error.Cause)");
    }

    @Test
    void functionRunsTheHandlerOnJava17FromTheJarInTheBucketWithEverySetting() {
        S.retrainingTemplate.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "FunctionName",
                        "occupancy-stream-retraining",
                        "Runtime",
                        "java17",
                        "Handler",
                        "io.occupancystream.modelops.retraining.RetrainingHandler::handleRequest",
                        "Code",
                        Map.of(
                                "S3Bucket",
                                Synthesized.BUCKET,
                                "S3Key",
                                "artifacts/model-ops-0.1.0-SNAPSHOT-lambda.jar"),
                        "MemorySize",
                        2048,
                        "Timeout",
                        300));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("TRAINING_DATA", "s3://" + Synthesized.BUCKET + "/training");
        expected.put("MODEL_CARD", "s3://" + Synthesized.BUCKET + "/models/current");
        expected.put("SAGEMAKER_ROLE_ARN", "${SageMakerRoleArn}");
        expected.put("ENDPOINT_NAME", "roomOccupancyEndpoint");
        expected.put("ENDPOINT_INSTANCE_TYPE", "ml.m5.large");
        expected.put("ENDPOINT_INSTANCE_COUNT", "1");
        expected.put("PACKAGE_GROUP", "occupancy-stream-models");
        expected.put("MIN_NEW_ROWS", "10000");
        expected.put("MAX_CANDIDATES", "250");
        expected.put(
                "ROLLBACK_ALARMS", "occupancy-stream-fallback-rate,occupancy-stream-model-latency");
        expected.put("ENDPOINT_MAX_WAIT", "PT1H");
        assertThat(environment()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(expected.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(RetrainingEnvironment.values())
                                .map(Enum::name)
                                .collect(Collectors.toList()));
    }

    @Test
    void contextChangesTheRetrainingAndOffLeavesTheScheduleOut() {
        Synthesized changed =
                new Synthesized(
                        Map.of(
                                "retrainSchedule",
                                "rate(7 days)",
                                "retrainMinNewRows",
                                "500",
                                "retrainMaxCandidates",
                                "10",
                                "retrainInstanceType",
                                "ml.t2.medium"));
        changed.retrainingTemplate.hasResourceProperties(
                "AWS::Scheduler::Schedule", Map.of("ScheduleExpression", "rate(7 days)"));
        changed.retrainingTemplate.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(
                                        Map.of(
                                                "MIN_NEW_ROWS",
                                                "500",
                                                "MAX_CANDIDATES",
                                                "10",
                                                "ENDPOINT_INSTANCE_TYPE",
                                                "ml.t2.medium")))));
        Synthesized off = new Synthesized(Map.of("retrainSchedule", "off"));
        off.retrainingTemplate.resourceCountIs("AWS::Scheduler::Schedule", 0);
        off.retrainingTemplate.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
        assertThat(IamStatements.of(off.retrainingTemplate))
                .extracting(s -> s.sid)
                .doesNotContain("StartRetraining");
    }

    @Test
    void scheduleThatIsNoSchedulerExpressionIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> DeploySettings.of(Map.of("retrainSchedule", "daily")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "context retrainSchedule=daily is not an EventBridge Scheduler expression,"
                                + " rate(...) or cron(...), nor off");
    }

    @Test
    void scheduleStartsTheStateMachineDailyAsItsOwnRole() {
        String machine = "${" + logicalId(S.retraining.stateMachine.stateMachine) + "}";
        String role = logicalId(S.retraining.scheduleRole);
        S.retrainingTemplate.hasResourceProperties(
                "AWS::Scheduler::Schedule",
                Map.of(
                        "Name",
                        "occupancy-stream-retraining",
                        "ScheduleExpression",
                        "cron(0 3 * * ? *)",
                        "ScheduleExpressionTimezone",
                        "UTC",
                        "FlexibleTimeWindow",
                        Map.of("Mode", "OFF"),
                        "State",
                        "ENABLED",
                        "Target",
                        Map.of(
                                "Arn",
                                Map.of("Ref", machine.substring(2, machine.length() - 1)),
                                "RoleArn",
                                Map.of("Fn::GetAtt", List.of(role, "Arn")),
                                "Input",
                                "{}")));
        assertThat(IamStatements.ofRole(S.retrainingTemplate, role))
                .extracting(s -> s.sid, s -> s.actions, s -> s.resources)
                .containsExactly(
                        tuple(
                                "StartRetraining",
                                List.of("states:StartExecution"),
                                List.of(machine)));
        S.retrainingTemplate.hasResourceProperties(
                "AWS::IAM::Role",
                Map.of(
                        "AssumeRolePolicyDocument",
                        Map.of(
                                "Statement",
                                List.of(
                                        Map.of(
                                                "Action",
                                                "sts:AssumeRole",
                                                "Effect",
                                                "Allow",
                                                "Principal",
                                                Map.of("Service", "scheduler.amazonaws.com"))))));
    }

    @Test
    void functionRoleMayMakeTheHandlersCallsOnTheirResourcesOnly() {
        String names = "occupancy-retrain-*";
        List<Statement> statements = functionStatements();
        assertThat(statements)
                .extracting(s -> s.sid)
                .containsExactly(
                        "WriteFunctionLog",
                        "ListTrainingSets",
                        "ReadTrainingSets",
                        "PublishModelCard",
                        "StageAutopilotInput",
                        "RunAutopilot",
                        "ReadTheServingModel",
                        "RegisterModelPackages",
                        "CreateTaggedModelsAndConfigs",
                        "DeployToTheEndpoint",
                        "PassSageMakerRole");
        assertThat(statements)
                .filteredOn(s -> !SHARED_WITH_THE_OPERATOR.contains(s.sid))
                .extracting(s -> s.sid, s -> s.actions, s -> s.resources)
                .containsExactly(
                        tuple(
                                "WriteFunctionLog",
                                List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                List.of(
                                        "arn:${AWS::Partition}:logs:eu-west-1:123456789012:"
                                            + "log-group:/aws/lambda/occupancy-stream-retraining"
                                            + ":log-stream:*")),
                        tuple(
                                "ReadTrainingSets",
                                List.of("s3:GetObject"),
                                List.of(BUCKET_ARN + "/training/*")),
                        tuple(
                                "PublishModelCard",
                                List.of("s3:PutObject"),
                                List.of(BUCKET_ARN + "/models/current/model.json")),
                        tuple(
                                "RunAutopilot",
                                List.of(
                                        "sagemaker:CreateAutoMLJobV2",
                                        "sagemaker:DescribeAutoMLJobV2"),
                                List.of(SAGEMAKER + "automl-job/" + names)),
                        tuple(
                                "ReadTheServingModel",
                                List.of(
                                        "sagemaker:DescribeEndpointConfig",
                                        "sagemaker:DescribeModel",
                                        "sagemaker:ListTags"),
                                List.of(SAGEMAKER + "endpoint-config/*", SAGEMAKER + "model/*")),
                        tuple(
                                "CreateTaggedModelsAndConfigs",
                                List.of(
                                        "sagemaker:AddTags",
                                        "sagemaker:CreateEndpointConfig",
                                        "sagemaker:CreateModel"),
                                List.of(
                                        SAGEMAKER + "model/" + names,
                                        SAGEMAKER + "endpoint-config/" + names)),
                        tuple(
                                "DeployToTheEndpoint",
                                List.of(
                                        "sagemaker:CreateEndpoint",
                                        "sagemaker:DescribeEndpoint",
                                        "sagemaker:UpdateEndpoint"),
                                List.of(
                                        SAGEMAKER + "endpoint/roomoccupancyendpoint",
                                        SAGEMAKER + "endpoint-config/" + names)));
        // The same as the operator's (ModelOpsPolicyTest), but for the role passed, which is the
        // stack's parameter here.
        List<Statement> operator =
                IamStatements.ofPolicy(S.dataTemplate, logicalId(S.data.modelOps.policy));
        for (String sid : SHARED_WITH_THE_OPERATOR) {
            Statement mine = sid(statements, sid);
            Statement theirs = sid(operator, sid);
            assertThat(mine.actions).as(sid).isEqualTo(theirs.actions);
            assertThat(mine.condition).as(sid).isEqualTo(theirs.condition);
            if (!sid.equals("PassSageMakerRole")) {
                assertThat(mine.resources).as(sid).isEqualTo(theirs.resources);
            }
        }
        assertThat(sid(statements, "PassSageMakerRole").resources)
                .containsExactly("${SageMakerRoleArn}");
    }

    @Test
    void functionRoleMayWriteTheCopyTheStepsStageForAutopilot() {
        String staged =
                AutopilotJobSpec.stagedInput(
                        AutopilotJobSpec.defaultOutput("s3://" + Synthesized.BUCKET + "/training"),
                        AutopilotJobSpec.retrainingJobName(Instant.ofEpochSecond(1_700_000_000L)));
        String key = staged.substring(("s3://" + Synthesized.BUCKET + "/").length());
        String object = BUCKET_ARN + "/" + key + "/dt=2017-12-22/hour=05/part-0-0.csv";
        List<Statement> puts =
                functionStatements().stream()
                        .filter(s -> s.actions.contains("s3:PutObject"))
                        .collect(Collectors.toList());
        assertThat(puts)
                .filteredOn(s -> s.resources.stream().anyMatch(r -> iamMatches(r, object)))
                .extracting(s -> s.sid)
                .containsExactly("StageAutopilotInput");
    }

    /** IAM's resource wildcard: {@code *} matches any run of characters, {@code /} included. */
    private static boolean iamMatches(String pattern, String resource) {
        String regex =
                Arrays.stream(pattern.split("\\*", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining(".*"));
        return resource.matches(regex);
    }

    @Test
    void functionRoleAllowsEverySageMakerCallTheStepsMakeAndNothingElseButAddTags() {
        List<String> allowed =
                functionStatements().stream()
                        .flatMap(s -> s.actions.stream())
                        .filter(a -> a.startsWith("sagemaker:"))
                        .map(a -> a.substring("sagemaker:".length()))
                        .collect(Collectors.toList());
        List<String> expected = new ArrayList<>(SageMakerCalls.RETRAINING);
        // AddTags is no call of its own: SageMaker authorizes CreateModel's tags with it.
        expected.add("AddTags");
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void stateMachineRoleInvokesTheFunctionPublishesToTheTopicAndLogs() {
        String machineRole =
                logicalId((Construct) S.retraining.stateMachine.stateMachine.getRole());
        String function = "${" + logicalId(S.retraining.function.function) + ".Arn}";
        String topic = "${" + logicalId(S.retraining.topic) + "}";
        assertThat(IamStatements.ofRole(S.retrainingTemplate, machineRole))
                .extracting(s -> s.actions, s -> s.resources)
                .containsExactly(
                        tuple(List.of("lambda:InvokeFunction"), List.of(function, function + ":*")),
                        tuple(List.of("sns:Publish"), List.of(topic)),
                        tuple(
                                List.of(
                                        "logs:CreateLogDelivery",
                                        "logs:GetLogDelivery",
                                        "logs:UpdateLogDelivery",
                                        "logs:DeleteLogDelivery",
                                        "logs:ListLogDeliveries",
                                        "logs:PutResourcePolicy",
                                        "logs:DescribeResourcePolicies",
                                        "logs:DescribeLogGroups"),
                                List.of("*")),
                        tuple(
                                List.of(
                                        "xray:PutTraceSegments",
                                        "xray:PutTelemetryRecords",
                                        "xray:GetSamplingRules",
                                        "xray:GetSamplingTargets"),
                                List.of("*")));
    }

    @Test
    void topicIsEncryptedAndItsArnAndTheStateMachineAreOutputs() {
        S.retrainingTemplate.hasResourceProperties(
                "AWS::SNS::Topic",
                Map.of(
                        "TopicName",
                        "occupancy-stream-retraining",
                        "KmsMasterKeyId",
                        Match.anyValue()));
        S.retrainingTemplate.hasOutput(
                "RetrainingTopicArn",
                Map.of("Value", Map.of("Ref", logicalId(S.retraining.topic))));
        S.retrainingTemplate.hasOutput(
                "RetrainingStateMachineArn",
                Map.of("Value", Map.of("Ref", logicalId(S.retraining.stateMachine.stateMachine))));
        S.retrainingTemplate.hasParameter("SageMakerRoleArn", Map.of("Type", "String"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment() {
        Map<String, Map<String, Object>> functions =
                S.retrainingTemplate.findResources("AWS::Lambda::Function");
        Map<String, Object> properties =
                (Map<String, Object>) functions.values().iterator().next().get("Properties");
        Map<String, Object> variables =
                (Map<String, Object>)
                        ((Map<String, Object>) properties.get("Environment")).get("Variables");
        Map<String, String> text = new LinkedHashMap<>();
        variables.forEach((k, v) -> text.put(k, IamStatements.text(v)));
        return text;
    }

    private static List<Statement> functionStatements() {
        return IamStatements.ofRole(S.retrainingTemplate, logicalId(S.retraining.function.role));
    }

    private static Statement sid(List<Statement> statements, String sid) {
        return statements.stream().filter(s -> sid.equals(s.sid)).findFirst().orElseThrow();
    }

    private static String logicalId(Construct construct) {
        CfnElement element =
                construct instanceof CfnElement
                        ? (CfnElement) construct
                        : (CfnElement) construct.getNode().getDefaultChild();
        return Stack.of(construct).getLogicalId(element);
    }
}
