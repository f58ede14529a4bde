package io.occupancystream.deploy;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The Flink application, its role and log group, the alarms and the dashboard, and (with shadow
 * updates on) the policy of applications that read the decisions from the device shadows. It names
 * the data stack's resources (streams, bucket, jar key) rather than importing them, so it can be
 * deployed, changed or deleted on its own once the jar is in the bucket.
 */
public final class ApplicationStack extends Stack {
    final FlinkRole role;
    final FlinkApplication application;
    final JobAlarms alarms;
    final JobDashboard dashboard;

    /** Null unless shadow updates are on. */
    final ShadowReaderPolicy shadowReader;

    public ApplicationStack(Construct scope, String id, StackProps props, DeploySettings settings) {
        super(scope, id, props);
        String bucket = settings.bucketName(this);
        String logGroup = "/aws/kinesis-analytics/" + settings.applicationName;
        role = new FlinkRole(this, "Flink", settings, bucket, logGroup);
        application = new FlinkApplication(this, "Job", settings, bucket, logGroup, role.role);
        alarms = new JobAlarms(this, "Alarms", settings);
        dashboard = new JobDashboard(this, "Dashboard", settings);
        CfnOutput.Builder.create(this, "ApplicationName")
                .value(application.application.getRef())
                .build();
        CfnOutput.Builder.create(this, "DashboardName")
                .value(dashboard.dashboard.getDashboardName())
                .build();
        if (settings.shadowEndpoint.isEmpty()) {
            shadowReader = null;
        } else {
            shadowReader = new ShadowReaderPolicy(this, "ShadowReader", settings);
            CfnOutput.Builder.create(this, "ShadowReaderPolicyArn")
                    .value(shadowReader.policy.getManagedPolicyArn())
                    .build();
        }
    }
}
