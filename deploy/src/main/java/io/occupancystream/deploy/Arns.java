package io.occupancystream.deploy;

import java.util.Locale;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * ARNs of the deployment's resources, built from their names in a stack's account and region. The
 * stacks refer to each other's resources by name, not by CloudFormation exports, so either can be
 * replaced without the other, and the policies read as the names they grant.
 */
final class Arns {
    private final Stack stack;

    Arns(Stack stack) {
        this.stack = stack;
    }

    String stream(String name) {
        return regional("kinesis", "stream", name, ArnFormat.SLASH_RESOURCE_NAME);
    }

    /** Every IoT thing of the account in the stack's region. */
    String things() {
        return regional("iot", "thing", "*", ArnFormat.SLASH_RESOURCE_NAME);
    }

    String bucket(String name) {
        return global("s3", name);
    }

    /** Objects of a bucket whose keys match {@code keyPattern} (IAM wildcards allowed). */
    String objects(String bucket, String keyPattern) {
        return global("s3", bucket + "/" + keyPattern);
    }

    String logGroup(String name) {
        return regional("logs", "log-group", name, ArnFormat.COLON_RESOURCE_NAME);
    }

    /** Log streams of a log group whose names match {@code streamPattern}. */
    String logStreams(String group, String streamPattern) {
        return logGroup(group) + ":log-stream:" + streamPattern;
    }

    /**
     * SageMaker keeps its ARNs in lower case whatever the name's case, and IAM compares exactly.
     */
    String sageMaker(String resourceType, String name) {
        return regional(
                "sagemaker",
                resourceType,
                name.toLowerCase(Locale.ROOT),
                ArnFormat.SLASH_RESOURCE_NAME);
    }

    /** CloudWatch alarms whose names match {@code namePattern}. */
    String alarms(String namePattern) {
        return regional("cloudwatch", "alarm", namePattern, ArnFormat.COLON_RESOURCE_NAME);
    }

    String role(String name) {
        return stack.formatArn(
                ArnComponents.builder()
                        .service("iam")
                        .region("")
                        .resource("role")
                        .resourceName(name)
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                        .build());
    }

    String regional(String service, String resource, String name, ArnFormat format) {
        return stack.formatArn(
                ArnComponents.builder()
                        .service(service)
                        .resource(resource)
                        .resourceName(name)
                        .arnFormat(format)
                        .build());
    }

    /** A regional resource that AWS keeps in accounts of its own, which differ by region. */
    String inAnyAccount(String service, String resource) {
        return stack.formatArn(
                ArnComponents.builder().service(service).account("*").resource(resource).build());
    }

    private String global(String service, String resource) {
        return stack.formatArn(
                ArnComponents.builder()
                        .service(service)
                        .region("")
                        .account("")
                        .resource(resource)
                        .build());
    }
}
