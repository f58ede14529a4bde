package io.occupancystream.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kinesisanalyticsv2.CfnApplication;
import software.amazon.awscdk.services.kinesisanalyticsv2.CfnApplicationCloudWatchLoggingOption;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogStream;
import software.constructs.Construct;

/**
 * The job on Managed Service for Apache Flink: Flink 1.19, the shaded jar from the data bucket, the
 * job's settings as property groups, checkpoints at the configured interval (file outputs commit at
 * checkpoints), snapshots on (so a stop and start resumes from state), autoscaling, and the
 * application log in its own log group. Creating it does not start it.
 */
final class FlinkApplication extends Construct {
    static final String RUNTIME = "FLINK-1_19";
    static final String LOG_STREAM = "application";

    final CfnApplication application;

    FlinkApplication(
            Construct scope,
            String id,
            DeploySettings settings,
            String bucket,
            String logGroupName,
            Role role) {
        super(scope, id);
        Arns arns = new Arns(Stack.of(this));
        LogGroup logGroup = DeploymentLogs.group(this, "Logs", logGroupName);
        LogStream logStream =
                LogStream.Builder.create(this, "LogStream")
                        .logGroup(logGroup)
                        .logStreamName(LOG_STREAM)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build();
        JobProperties properties = new JobProperties(settings, bucket, Stack.of(this).getRegion());
        application =
                CfnApplication.Builder.create(this, "Application")
                        .applicationName(settings.applicationName)
                        .applicationDescription("Room occupancy from thermostat readings")
                        .runtimeEnvironment(RUNTIME)
                        .serviceExecutionRole(role.getRoleArn())
                        .applicationConfiguration(
                                CfnApplication.ApplicationConfigurationProperty.builder()
                                        .applicationCodeConfiguration(
                                                code(arns.bucket(bucket), settings.jarKey))
                                        .environmentProperties(
                                                CfnApplication.EnvironmentPropertiesProperty
                                                        .builder()
                                                        .propertyGroups(
                                                                propertyGroups(properties.groups()))
                                                        .build())
                                        .flinkApplicationConfiguration(flink(settings))
                                        .applicationSnapshotConfiguration(
                                                CfnApplication
                                                        .ApplicationSnapshotConfigurationProperty
                                                        .builder()
                                                        .snapshotsEnabled(true)
                                                        .build())
                                        .build())
                        .build();
        // MSF checks at creation that the role can read the jar; the policy must be there first.
        application.getNode().addDependency(role);
        CfnApplicationCloudWatchLoggingOption logging =
                CfnApplicationCloudWatchLoggingOption.Builder.create(this, "Logging")
                        .applicationName(application.getRef())
                        .cloudWatchLoggingOption(
                                CfnApplicationCloudWatchLoggingOption
                                        .CloudWatchLoggingOptionProperty.builder()
                                        .logStreamArn(arns.logStreams(logGroupName, LOG_STREAM))
                                        .build())
                        .build();
        logging.getNode().addDependency(logStream);
    }

    private static CfnApplication.ApplicationCodeConfigurationProperty code(
            String bucketArn, String key) {
        return CfnApplication.ApplicationCodeConfigurationProperty.builder()
                .codeContentType("ZIPFILE")
                .codeContent(
                        CfnApplication.CodeContentProperty.builder()
                                .s3ContentLocation(
                                        CfnApplication.S3ContentLocationProperty.builder()
                                                .bucketArn(bucketArn)
                                                .fileKey(key)
                                                .build())
                                .build())
                .build();
    }

    private static CfnApplication.FlinkApplicationConfigurationProperty flink(
            DeploySettings settings) {
        return CfnApplication.FlinkApplicationConfigurationProperty.builder()
                .checkpointConfiguration(
                        CfnApplication.CheckpointConfigurationProperty.builder()
                                .configurationType("CUSTOM")
                                .checkpointingEnabled(true)
                                .checkpointInterval(settings.checkpointIntervalSeconds * 1000L)
                                .minPauseBetweenCheckpoints(5000L)
                                .build())
                .parallelismConfiguration(
                        CfnApplication.ParallelismConfigurationProperty.builder()
                                .configurationType("CUSTOM")
                                .parallelism(settings.parallelism)
                                .parallelismPerKpu(settings.parallelismPerKpu)
                                .autoScalingEnabled(settings.autoScaling)
                                .build())
                .monitoringConfiguration(
                        CfnApplication.MonitoringConfigurationProperty.builder()
                                .configurationType("CUSTOM")
                                // Application level: the alarms read one series per metric.
                                .metricsLevel("APPLICATION")
                                .logLevel("INFO")
                                .build())
                .build();
    }

    private static List<CfnApplication.PropertyGroupProperty> propertyGroups(
            Map<String, Map<String, String>> groups) {
        List<CfnApplication.PropertyGroupProperty> list = new ArrayList<>();
        groups.forEach(
                (id, properties) ->
                        list.add(
                                CfnApplication.PropertyGroupProperty.builder()
                                        .propertyGroupId(id)
                                        .propertyMap(properties)
                                        .build()));
        return list;
    }
}
