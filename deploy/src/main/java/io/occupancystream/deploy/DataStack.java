package io.occupancystream.deploy;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * What exists before the application: the streams, the IoT rule that feeds the input stream, the
 * data bucket (where the application jar is uploaded next), the role SageMaker runs as and the
 * policy of whoever runs model-ops. Deployed first, because the application's creation needs its
 * jar in the bucket.
 */
public final class DataStack extends Stack {
    final OccupancyStreams streams;
    final DataBucket data;
    final ShadowReadingsRule rule;
    final SageMakerExecutionRole sageMaker;
    final ModelOpsPolicy modelOps;

    public DataStack(Construct scope, String id, StackProps props, DeploySettings settings) {
        super(scope, id, props);
        String bucket = settings.bucketName(this);
        streams = new OccupancyStreams(this, "Streams", settings);
        data = new DataBucket(this, "Data", bucket, settings);
        rule = new ShadowReadingsRule(this, "ShadowReadings", streams.input, settings);
        sageMaker = new SageMakerExecutionRole(this, "SageMaker", bucket, settings);
        modelOps = new ModelOpsPolicy(this, "ModelOps", bucket, sageMaker.role, settings);
        CfnOutput.Builder.create(this, "BucketName").value(data.bucket.getBucketName()).build();
        CfnOutput.Builder.create(this, "SageMakerRoleArn")
                .value(sageMaker.role.getRoleArn())
                .build();
        CfnOutput.Builder.create(this, "ModelOpsPolicyArn")
                .value(modelOps.policy.getManagedPolicyArn())
                .build();
    }
}
