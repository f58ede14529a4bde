package io.occupancystream.job.testing;

/**
 * Dummy AWS credentials in the system properties that the SDK's default chain reads first, for
 * tests whose endpoint client talks to a local endpoint (which ignores the signature). {@link
 * #clear()} restores what was there before.
 */
public final class DummyAwsCredentials {
    private static final String ACCESS_KEY = "aws.accessKeyId";
    private static final String SECRET_KEY = "aws.secretAccessKey";

    private static String previousAccessKey;
    private static String previousSecretKey;

    private DummyAwsCredentials() {}

    public static synchronized void set() {
        previousAccessKey = System.getProperty(ACCESS_KEY);
        previousSecretKey = System.getProperty(SECRET_KEY);
        System.setProperty(ACCESS_KEY, "test-access-key");
        System.setProperty(SECRET_KEY, "test-secret-key");
    }

    public static synchronized void clear() {
        restore(ACCESS_KEY, previousAccessKey);
        restore(SECRET_KEY, previousSecretKey);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
