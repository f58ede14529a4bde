package io.occupancystream.job.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JVM in which the AWS SDK's default credential chain finds nothing, quickly: the system
 * properties it reads first are cleared, its profile files point nowhere, and the EC2 metadata
 * lookup is off. Environment variables cannot be changed from Java, so a test using this is skipped
 * where they hold credentials. {@link #clear()} restores what was there before.
 */
public final class NoAwsCredentials {
    private static final List<String> ENVIRONMENT =
            List.of(
                    "AWS_ACCESS_KEY_ID",
                    "AWS_WEB_IDENTITY_TOKEN_FILE",
                    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI");
    private static final Map<String, String> PROPERTIES =
            Map.of(
                    "aws.accessKeyId", "",
                    "aws.secretAccessKey", "",
                    "aws.sessionToken", "",
                    "aws.webIdentityTokenFile", "",
                    "aws.sharedCredentialsFile", "/nonexistent/aws/credentials",
                    "aws.configFile", "/nonexistent/aws/config",
                    "aws.disableEc2Metadata", "true");

    private static final Map<String, String> previous = new HashMap<>();

    private NoAwsCredentials() {}

    public static synchronized void set() {
        for (String variable : ENVIRONMENT) {
            assumeTrue(System.getenv(variable) == null, variable + " is set in the environment");
        }
        PROPERTIES.forEach(
                (key, value) -> {
                    previous.put(key, System.getProperty(key));
                    if (value.isEmpty()) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
    }

    public static synchronized void clear() {
        previous.forEach(
                (key, value) -> {
                    if (value == null) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
        previous.clear();
    }
}
