package io.occupancystream.deploy;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The IoT topic rule that turns each shadow update a thermostat reports into one reading on the
 * input stream, in the job's reading JSON: {@code {"thingName":..,"timestamp":EPOCH_SECONDS,
 * "state":{"reported":{..}},"room":..}}, partitioned by thing so that a device's readings stay in
 * order. {@code room} is the thing's {@code room} registry attribute, left out when it has none.
 * Messages the rule cannot deliver go to a log group instead of being lost silently.
 */
final class ShadowReadingsRule extends Construct {
    /**
     * {@code /update/documents}, not {@code /update/accepted}: the accepted document holds only the
     * fields of the request, so a device that reports only what changed would yield readings with
     * fields missing; the documents message holds the whole shadow after the update ({@code
     * current.state.reported}). topic(3) of {@code $aws/things/NAME/shadow/update/documents} is the
     * thing's name; timestamp() is the rule's clock in milliseconds, in the whole seconds the job
     * expects. Only updates that wrote reported values are readings: their reported metadata (one
     * timestamp per field written) differs from the previous document's, while an update of the
     * desired state alone (the job's own, when shadow updates are on) leaves it as it was and would
     * otherwise send the last reading round again. get_registry_data('DescribeThing', thing, role)
     * answers as the IoT DescribeThing API does, with the role the rule assumes for it; a thing
     * without a {@code room} attribute gives Undefined, which the SELECT leaves out, and the job
     * then places the device by its settings.
     */
    static String sql(String registryRoleArn) {
        return "SELECT topic(3) AS thingName, floor(timestamp() / 1000) AS timestamp,"
                + " current.state AS state,"
                + " get_registry_data('DescribeThing', topic(3), '"
                + registryRoleArn
                + "').attributes.room AS room"
                + " FROM '$aws/things/+/shadow/update/documents'"
                + " WHERE isUndefined(current.state.reported) = false"
                + " AND CASE isUndefined(previous.metadata.reported)"
                + " WHEN true THEN true"
                + " ELSE current.metadata.reported <> previous.metadata.reported END";
    }

    final CfnTopicRule rule;
    final Role role;
    final LogGroup errors;

    ShadowReadingsRule(Construct scope, String id, Stream input, DeploySettings settings) {
        super(scope, id);
        Arns arns = new Arns(Stack.of(this));
        String errorLogGroup = "/" + settings.applicationName + "/iot-rule-errors";
        errors = DeploymentLogs.group(this, "Errors", errorLogGroup);
        role =
                ServiceRole.create(
                        this,
                        "iot.amazonaws.com",
                        "The shadow-readings IoT rule: read things' rooms, put readings, log"
                                + " failures");
        role.addToPolicy(
                PolicyStatements.allow(
                                "ReadThingRooms",
                                List.of("iot:DescribeThing"),
                                List.of(arns.things()))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "PutReadings",
                                List.of("kinesis:PutRecord"),
                                List.of(arns.stream(settings.inputStream)))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "LogFailedMessages",
                                List.of(
                                        "logs:CreateLogStream",
                                        "logs:DescribeLogStreams",
                                        "logs:PutLogEvents"),
                                List.of(arns.logStreams(errorLogGroup, "*")))
                        .build());
        ServiceRole.justifyWildcards(
                role,
                "IoT names the error log streams itself; the grant is"
                        + " limited to the streams of the rule's own"
                        + " error log group. Any thing may publish readings, so the"
                        + " rule reads any thing's registry entry (DescribeThing"
                        + " only).");
        rule =
                CfnTopicRule.Builder.create(this, "Rule")
                        .ruleName(settings.applicationName.replace('-', '_') + "_shadow_readings")
                        .topicRulePayload(
                                CfnTopicRule.TopicRulePayloadProperty.builder()
                                        .sql(sql(role.getRoleArn()))
                                        .awsIotSqlVersion("2016-03-23")
                                        .ruleDisabled(false)
                                        .actions(List.of(putReading(settings.inputStream)))
                                        .errorAction(logFailure(errorLogGroup))
                                        .build())
                        .build();
        // The rule checks at creation that its role may write to the stream and the log group.
        rule.getNode().addDependency(role, errors, input);
    }

    private CfnTopicRule.ActionProperty putReading(String stream) {
        return CfnTopicRule.ActionProperty.builder()
                .kinesis(
                        CfnTopicRule.KinesisActionProperty.builder()
                                .streamName(stream)
                                .partitionKey("${topic(3)}")
                                .roleArn(role.getRoleArn())
                                .build())
                .build();
    }

    private CfnTopicRule.ActionProperty logFailure(String logGroup) {
        return CfnTopicRule.ActionProperty.builder()
                .cloudwatchLogs(
                        CfnTopicRule.CloudwatchLogsActionProperty.builder()
                                .logGroupName(logGroup)
                                .roleArn(role.getRoleArn())
                                .build())
                .build();
    }
}
