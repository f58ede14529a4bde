package io.occupancystream.deploy;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * Scheduled Autopilot retraining: an EventBridge Scheduler schedule (unless turned off) starts the
 * retraining state machine, whose steps run model-ops' handler as a Lambda function, and every
 * outcome goes to an SNS topic. Like the application stack it names the data stack's bucket, and it
 * needs the handler's jar in the bucket when it is created; the SageMaker role's ARN (an output of
 * the data stack) is a parameter.
 */
public final class RetrainingStack extends Stack {
    final CfnParameter sageMakerRoleArn;
    final Topic topic;
    final RetrainingFunction function;
    final RetrainingStateMachine stateMachine;
    final CfnSchedule schedule;
    final Role scheduleRole;

    public RetrainingStack(Construct scope, String id, StackProps props, DeploySettings settings) {
        super(scope, id, props);
        String bucket = settings.bucketName(this);
        String name = settings.applicationName + "-retraining";
        sageMakerRoleArn =
                CfnParameter.Builder.create(this, "SageMakerRoleArn")
                        .type("String")
                        .description(
                                "The role Autopilot and the model run as: the OccupancyData"
                                        + " stack's output SageMakerRoleArn")
                        .build();
        topic =
                Topic.Builder.create(this, "Topic")
                        .topicName(name)
                        .displayName("occupancy-stream retraining")
                        .enforceSsl(true)
                        .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"))
                        .build();
        // SageMaker gives up on the deployment when the state machine stops looking.
        Duration endpointMaxWait =
                Duration.seconds(
                        RetrainingStateMachine.ENDPOINT_POLL.toSeconds().intValue()
                                * RetrainingStateMachine.ENDPOINT_MAX_POLLS);
        function =
                new RetrainingFunction(
                        this,
                        "Steps",
                        settings,
                        bucket,
                        sageMakerRoleArn.getValueAsString(),
                        List.of(
                                settings.applicationName + JobAlarms.FALLBACK_RATE,
                                settings.applicationName + JobAlarms.MODEL_LATENCY),
                        endpointMaxWait);
        stateMachine = new RetrainingStateMachine(this, "Loop", name, function.function, topic);
        if (settings.retrainSchedule == null) {
            schedule = null;
            scheduleRole = null;
        } else {
            scheduleRole =
                    ServiceRole.create(
                            new Construct(this, "Schedule"),
                            "scheduler.amazonaws.com",
                            "Starts the occupancy-stream retraining on its schedule");
            scheduleRole.addToPolicy(
                    PolicyStatements.allow(
                                    "StartRetraining",
                                    List.of("states:StartExecution"),
                                    List.of(stateMachine.stateMachine.getStateMachineArn()))
                            .build());
            schedule =
                    CfnSchedule.Builder.create(this, "RetrainingSchedule")
                            .name(name)
                            .description("Starts the occupancy-stream retraining")
                            .scheduleExpression(settings.retrainSchedule)
                            .scheduleExpressionTimezone("UTC")
                            .flexibleTimeWindow(
                                    CfnSchedule.FlexibleTimeWindowProperty.builder()
                                            .mode("OFF")
                                            .build())
                            .state("ENABLED")
                            .target(
                                    CfnSchedule.TargetProperty.builder()
                                            .arn(stateMachine.stateMachine.getStateMachineArn())
                                            .roleArn(scheduleRole.getRoleArn())
                                            .input("{}")
                                            .build())
                            .build();
        }
        CfnOutput.Builder.create(this, "RetrainingTopicArn").value(topic.getTopicArn()).build();
        CfnOutput.Builder.create(this, "RetrainingStateMachineArn")
                .value(stateMachine.stateMachine.getStateMachineArn())
                .build();
    }
}
