package io.occupancystream.deploy;

import io.occupancystream.modelops.retraining.RetrainingStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.IChainable;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.Result;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.amazon.awscdk.services.stepfunctions.tasks.SnsPublish;
import software.constructs.Construct;

/**
 * The retraining loop as a Step Functions state machine: count the new rows; if enough, start
 * Autopilot and poll it (bounded); promote the best candidate if it beats the endpoint's model
 * (blue/green); poll the endpoint (bounded); publish the model card. Every outcome, good or bad, is
 * published to the topic; failures then end the execution as failed. The waits are the state
 * machine's: each Lambda step makes a few calls and returns.
 */
final class RetrainingStateMachine extends Construct {
    /** How often Autopilot is looked at, and for how long at most (a day). */
    static final Duration AUTOPILOT_POLL = Duration.minutes(5);

    static final int AUTOPILOT_MAX_POLLS = 288;

    /** How often the endpoint is looked at, and for how long at most. */
    static final Duration ENDPOINT_POLL = Duration.minutes(1);

    static final int ENDPOINT_MAX_POLLS = 60;

    final StateMachine stateMachine;

    RetrainingStateMachine(
            Construct scope, String id, String name, IFunction function, ITopic topic) {
        super(scope, id);
        Fail failed = Fail.Builder.create(this, "Failed").build();
        Succeed done = Succeed.Builder.create(this, "Done").build();
        IChainable notifyError =
                notify(
                        "NotifyError",
                        "error",
                        JsonPath.format(
                                "{}: {}",
                                JsonPath.stringAt("$.error.Error"),
                                JsonPath.stringAt("$.error.Cause")),
                        topic,
                        failed);

        LambdaInvoke countRows =
                step("CountNewRows", RetrainingStep.NEW_ROWS, Map.of(), "$.rows", function);
        LambdaInvoke startAutopilot =
                step(
                        "StartAutopilot",
                        RetrainingStep.START_AUTOPILOT,
                        Map.of(),
                        "$.autopilot",
                        function);
        LambdaInvoke checkAutopilot =
                step(
                        "CheckAutopilot",
                        RetrainingStep.AUTOPILOT_PROGRESS,
                        Map.of("jobName", JsonPath.stringAt("$.autopilot.jobName")),
                        "$.autopilotProgress",
                        function);
        Map<String, Object> trained = new LinkedHashMap<>();
        trained.put("jobName", JsonPath.stringAt("$.autopilot.jobName"));
        trained.put("trainedOn", JsonPath.objectAt("$.rows.trainedOn"));
        LambdaInvoke promote =
                step("Promote", RetrainingStep.PROMOTE, trained, "$.promotion", function);
        LambdaInvoke checkEndpoint =
                step(
                        "CheckEndpoint",
                        RetrainingStep.ENDPOINT_PROGRESS,
                        Map.of("endpointConfig", JsonPath.stringAt("$.promotion.endpointConfig")),
                        "$.endpointProgress",
                        function);
        LambdaInvoke publishCard =
                step("PublishCard", RetrainingStep.PUBLISH_CARD, trained, "$.card", function);
        for (LambdaInvoke task :
                List.of(
                        countRows,
                        startAutopilot,
                        checkAutopilot,
                        promote,
                        checkEndpoint,
                        publishCard)) {
            task.addCatch(
                    notifyError,
                    CatchProps.builder()
                            .errors(List.of("States.ALL"))
                            .resultPath("$.error")
                            .build());
        }

        Choice afterPromote =
                Choice.Builder.create(this, "Promoted?")
                        .build()
                        .when(
                                Condition.booleanEquals("$.promotion.promoted", true),
                                poll(
                                        "Endpoint",
                                        "endpoint update",
                                        ENDPOINT_POLL,
                                        ENDPOINT_MAX_POLLS,
                                        checkEndpoint,
                                        "SERVING",
                                        "FAILED",
                                        publishCard.next(
                                                notify(
                                                        "NotifyPromoted",
                                                        "promoted",
                                                        message("$.promotion.message"),
                                                        topic,
                                                        done)),
                                        topic,
                                        failed))
                        .otherwise(
                                notify(
                                        "NotifyChampionKept",
                                        "champion kept",
                                        message("$.promotion.message"),
                                        topic,
                                        done));
        Choice enoughRows =
                Choice.Builder.create(this, "EnoughNewRows?")
                        .build()
                        .when(
                                Condition.booleanEquals("$.rows.retrain", true),
                                startAutopilot.next(
                                        poll(
                                                "Autopilot",
                                                "Autopilot",
                                                AUTOPILOT_POLL,
                                                AUTOPILOT_MAX_POLLS,
                                                checkAutopilot,
                                                "COMPLETED",
                                                "ENDED",
                                                promote.next(afterPromote),
                                                topic,
                                                failed)))
                        .otherwise(
                                notify(
                                        "NotifySkipped",
                                        "skipped",
                                        message("$.rows.message"),
                                        topic,
                                        done));

        LogGroup logs = DeploymentLogs.group(this, "Logs", "/aws/vendedlogs/states/" + name);
        stateMachine =
                StateMachine.Builder.create(this, "StateMachine")
                        .stateMachineName(name)
                        .comment(
                                "occupancy-stream: Autopilot retraining, the champion/challenger"
                                        + " gate and the blue/green promotion")
                        .definitionBody(DefinitionBody.fromChainable(countRows.next(enoughRows)))
                        .logs(
                                LogOptions.builder()
                                        .destination(logs)
                                        .level(LogLevel.ALL)
                                        .includeExecutionData(true)
                                        .build())
                        .tracingEnabled(true)
                        .build();
        ServiceRole.justifyWildcards(
                (Construct) stateMachine.getRole(),
                "CDK's grants for logging to CloudWatch Logs (log delivery) and X-Ray take no"
                    + " resource but \"*\"; the function is invoked by its ARN and its versions'"
                    + " (ARN:*)");
    }

    private LambdaInvoke step(
            String id,
            RetrainingStep step,
            Map<String, Object> input,
            String resultPath,
            IFunction function) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("step", step.name());
        payload.putAll(input);
        return LambdaInvoke.Builder.create(this, id)
                .lambdaFunction(function)
                .payload(TaskInput.fromObject(payload))
                .payloadResponseOnly(true)
                .resultPath(resultPath)
                .build();
    }

    /**
     * A bounded poll of {@code check}, whose answer is at {@code $.WHATProgress}: start the count,
     * then wait, look and count until the state is {@code done} (then {@code whenDone}), {@code
     * failed} or the looks run out (then notify and fail).
     */
    private IChainable poll(
            String what,
            String label,
            Duration every,
            int maxLooks,
            LambdaInvoke check,
            String done,
            String failedState,
            IChainable whenDone,
            ITopic topic,
            Fail failed) {
        String counter = what.toLowerCase(Locale.ROOT);
        String progress = "$." + counter + "Progress";
        Wait wait =
                Wait.Builder.create(this, "WaitFor" + what).time(WaitTime.duration(every)).build();
        Choice after =
                Choice.Builder.create(this, what + "Done?")
                        .build()
                        .when(Condition.stringEquals(progress + ".state", done), whenDone)
                        .when(
                                Condition.stringEquals(progress + ".state", failedState),
                                notify(
                                        "Notify" + what + "Failed",
                                        label + " failed",
                                        message(progress + ".message"),
                                        topic,
                                        failed))
                        .when(
                                Condition.numberGreaterThanEquals(
                                        "$.polls." + counter + ".count", maxLooks),
                                notify(
                                        "Notify" + what + "TimedOut",
                                        label + " timed out",
                                        message(progress + ".message"),
                                        topic,
                                        failed))
                        .otherwise(wait);
        wait.next(check).next(count("Count" + what + "Poll", counter)).next(after);
        return start("Start" + what + "Polls", counter).next(wait);
    }

    /** Sets the poll counter {@code $.polls.NAME.count} to 0. */
    private Pass start(String id, String counter) {
        return Pass.Builder.create(this, id)
                .result(Result.fromObject(Map.of("count", 0)))
                .resultPath("$.polls." + counter)
                .build();
    }

    /** Adds one to the poll counter {@code $.polls.NAME.count}. */
    private Pass count(String id, String counter) {
        String path = "$.polls." + counter;
        return Pass.Builder.create(this, id)
                .parameters(
                        Map.of("count", JsonPath.mathAdd(JsonPath.numberAt(path + ".count"), 1)))
                .resultPath(path)
                .build();
    }

    private static String message(String path) {
        return JsonPath.format(
                "{} (execution {})", JsonPath.stringAt(path), JsonPath.getExecutionId());
    }

    private IChainable notify(
            String id, String outcome, String message, ITopic topic, IChainable then) {
        return SnsPublish.Builder.create(this, id)
                .topic(topic)
                .subject("occupancy-stream retraining: " + outcome)
                .message(TaskInput.fromText(message))
                .resultPath(JsonPath.DISCARD)
                .build()
                .next(then);
    }
}
