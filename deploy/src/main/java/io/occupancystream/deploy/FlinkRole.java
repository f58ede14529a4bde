package io.occupancystream.deploy;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The role the Flink application runs as, granted exactly what the job does: poll the input stream
 * (FlinkKinesisConsumer, no enhanced fan-out), put records on the two output streams, write under
 * the bucket's training/ and job/ prefixes (Flink's S3 file system, multipart uploads), read the
 * model card and the application jar, invoke the one endpoint, write the application's log stream
 * and, only when shadow updates are on, update thing shadows. MSF publishes the application's
 * metrics itself, so the role needs no CloudWatch permission.
 */
final class FlinkRole extends Construct {
    final Role role;

    FlinkRole(Construct scope, String id, DeploySettings settings, String bucket, String logGroup) {
        super(scope, id);
        Arns arns = new Arns(Stack.of(this));
        role =
                ServiceRole.create(
                        this,
                        "kinesisanalytics.amazonaws.com",
                        "The occupancy-stream Flink application runs as it");
        role.addToPolicy(
                PolicyStatements.allow(
                                "ReadInputStream",
                                List.of(
                                        "kinesis:DescribeStream",
                                        "kinesis:DescribeStreamSummary",
                                        "kinesis:GetRecords",
                                        "kinesis:GetShardIterator",
                                        "kinesis:ListShards"),
                                List.of(arns.stream(settings.inputStream)))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "WriteOutputStreams",
                                List.of("kinesis:PutRecord", "kinesis:PutRecords"),
                                List.of(
                                        arns.stream(settings.resultsStream),
                                        arns.stream(settings.deadLetterStream)))
                        .build());
        role.addToPolicy(
                PolicyStatements.listUnder(
                        "ListOutputPrefixes",
                        arns.bucket(bucket),
                        DataBucket.TRAINING,
                        DataBucket.JOB_OUTPUT));
        role.addToPolicy(
                PolicyStatements.allow(
                                "WriteTrainingSetsAndFiles",
                                List.of(
                                        "s3:AbortMultipartUpload",
                                        "s3:DeleteObject",
                                        "s3:GetObject",
                                        "s3:ListMultipartUploadParts",
                                        "s3:PutObject"),
                                List.of(
                                        arns.objects(bucket, DataBucket.TRAINING + "/*"),
                                        arns.objects(bucket, DataBucket.JOB_OUTPUT + "/*")))
                        .build());
        // With ListBucket, a missing model card reads as 404 NoSuchKey, not 403 AccessDenied
        // (GetObject, "Permissions"), so the job's start-up error says what is wrong.
        role.addToPolicy(
                PolicyStatements.listUnder(
                        "ListModelCard", arns.bucket(bucket), DataBucket.CURRENT_MODEL));
        role.addToPolicy(
                PolicyStatements.allow(
                                "ReadModelCard",
                                List.of("s3:GetObject"),
                                List.of(arns.objects(bucket, DataBucket.CURRENT_MODEL + "/*")))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "ReadApplicationJar",
                                List.of("s3:GetObject", "s3:GetObjectVersion"),
                                List.of(arns.objects(bucket, settings.jarKey)))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "InvokeEndpoint",
                                List.of("sagemaker:InvokeEndpoint"),
                                List.of(arns.sageMaker("endpoint", settings.endpointName)))
                        .build());
        // MSF looks the log group up by name before it writes, as AWS's documented policy for
        // MSF logging shows; the call only lists names.
        role.addToPolicy(
                PolicyStatements.allow(
                                "FindLogGroup",
                                List.of("logs:DescribeLogGroups"),
                                List.of(arns.logGroup("*")))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "FindLogStream",
                                List.of("logs:DescribeLogStreams"),
                                List.of(arns.logStreams(logGroup, "*")))
                        .build());
        role.addToPolicy(
                PolicyStatements.allow(
                                "WriteApplicationLog",
                                List.of("logs:PutLogEvents"),
                                List.of(arns.logStreams(logGroup, FlinkApplication.LOG_STREAM)))
                        .build());
        if (!settings.shadowEndpoint.isEmpty()) {
            role.addToPolicy(
                    PolicyStatements.allow(
                                    "UpdateThingShadows",
                                    List.of("iot:UpdateThingShadow"),
                                    List.of(arns.things()))
                            .build());
        }
        ServiceRole.justifyWildcards(
                role,
                "The job names its training-set and output objects"
                        + " (time buckets, part files) and the model"
                        + " directory's files itself, so objects are"
                        + " granted by prefix; log groups are only"
                        + " listed (DescribeLogGroups), log streams only"
                        + " within the application's group; shadow"
                        + " updates go to whichever thing a reading came"
                        + " from.");
    }
}
