package io.occupancystream.deploy;

import io.occupancystream.job.kinesis.KinesisSettings;
import io.occupancystream.job.scoring.EndpointSettings;
import io.occupancystream.modelops.sagemaker.AutopilotJobSpec;
import io.occupancystream.modelops.sagemaker.PromotionOptions;
import io.occupancystream.modelops.sagemaker.RetrainCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import software.amazon.awscdk.Stack;

/**
 * What a deployment may choose, each a CDK context value ({@code --context key=value}) with a
 * default. Stream and endpoint names default to the job's own defaults, so that a job run without
 * properties and the deployed one agree. Unknown keys fail fast, naming the known ones.
 */
public final class DeploySettings {
    /** The context keys and their defaults, in the order `bin/deploy --help` lists them. */
    static final Map<String, String> DEFAULTS = defaults();

    /** The retrainSchedule value that leaves the schedule out. */
    static final String OFF = "off";

    public final String applicationName;
    private final String bucketName;
    public final String jarKey;
    public final String inputStream;
    public final String resultsStream;
    public final String deadLetterStream;
    public final int shardsPerStream;
    public final int streamRetentionHours;
    public final int trainingExpiryDays;
    public final String endpointName;
    public final String endpointVariant;
    public final int parallelism;
    public final int parallelismPerKpu;
    public final boolean autoScaling;
    public final int checkpointIntervalSeconds;

    /** The account's IoT data endpoint; empty leaves the job's shadow updates off. */
    public final String shadowEndpoint;

    public final double fallbackRateThreshold;
    public final double deadLetterRateThreshold;
    public final int modelLatencyP99Millis;

    /** The retraining schedule's EventBridge Scheduler expression; null when turned off. */
    public final String retrainSchedule;

    public final String retrainingJarKey;
    public final int retrainMinNewRows;
    public final int retrainMaxCandidates;
    public final String retrainInstanceType;

    private DeploySettings(Map<String, String> v) {
        applicationName = v.get("applicationName");
        bucketName = v.get("bucketName");
        jarKey = v.get("jarKey");
        inputStream = v.get("inputStream");
        resultsStream = v.get("resultsStream");
        deadLetterStream = v.get("deadLetterStream");
        shardsPerStream = positive(v, "shardsPerStream");
        streamRetentionHours = positive(v, "streamRetentionHours");
        trainingExpiryDays = positive(v, "trainingExpiryDays");
        endpointName = v.get("endpointName");
        endpointVariant = v.get("endpointVariant");
        parallelism = positive(v, "parallelism");
        parallelismPerKpu = positive(v, "parallelismPerKpu");
        autoScaling = bool(v, "autoScaling");
        checkpointIntervalSeconds = positive(v, "checkpointIntervalSeconds");
        shadowEndpoint = v.get("shadowEndpoint");
        fallbackRateThreshold = fraction(v, "fallbackRateThreshold");
        deadLetterRateThreshold = fraction(v, "deadLetterRateThreshold");
        modelLatencyP99Millis = positive(v, "modelLatencyP99Millis");
        retrainSchedule = schedule(v, "retrainSchedule");
        retrainingJarKey = v.get("retrainingJarKey");
        retrainMinNewRows = positive(v, "retrainMinNewRows");
        retrainMaxCandidates = positive(v, "retrainMaxCandidates");
        retrainInstanceType = v.get("retrainInstanceType");
    }

    /** The data bucket: the bucketName setting, or occupancy-stream-ACCOUNT-REGION. */
    public String bucketName(Stack stack) {
        return bucketName.isEmpty()
                ? "occupancy-stream-" + stack.getAccount() + "-" + stack.getRegion()
                : bucketName;
    }

    /** The defaults with the given context values over them. */
    public static DeploySettings of(Map<String, String> context) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (Map.Entry<String, String> entry : context.entrySet()) {
            if (!DEFAULTS.containsKey(entry.getKey())) {
                throw new IllegalArgumentException(
                        "unknown context key '"
                                + entry.getKey()
                                + "'; known keys: "
                                + String.join(", ", new TreeSet<>(DEFAULTS.keySet())));
            }
            values.put(entry.getKey(), entry.getValue());
        }
        return new DeploySettings(values);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("applicationName", "occupancy-stream");
        // Empty: occupancy-stream-ACCOUNT-REGION, unique per account and region.
        d.put("bucketName", "");
        d.put("jarKey", "artifacts/job-" + jobVersion() + "-msf.jar");
        d.put("inputStream", KinesisSettings.INPUT_STREAM.defaultValue());
        d.put("resultsStream", KinesisSettings.RESULTS_STREAM.defaultValue());
        d.put("deadLetterStream", KinesisSettings.DEAD_LETTER_STREAM.defaultValue());
        d.put("shardsPerStream", "1");
        d.put("streamRetentionHours", "24");
        d.put("trainingExpiryDays", "365");
        d.put("endpointName", EndpointSettings.NAME.defaultValue());
        d.put("endpointVariant", "AllTraffic");
        d.put("parallelism", "1");
        d.put("parallelismPerKpu", "1");
        d.put("autoScaling", "true");
        d.put("checkpointIntervalSeconds", "60");
        d.put("shadowEndpoint", "");
        d.put("fallbackRateThreshold", "0.05");
        d.put("deadLetterRateThreshold", "0.01");
        d.put("modelLatencyP99Millis", "500");
        // Daily at 03:00 UTC; "off" leaves the schedule out (the state machine stays).
        d.put("retrainSchedule", "cron(0 3 * * ? *)");
        d.put("retrainingJarKey", "artifacts/model-ops-" + jobVersion() + "-lambda.jar");
        d.put("retrainMinNewRows", RetrainCommand.DEFAULT_MIN_NEW_ROWS);
        d.put("retrainMaxCandidates", AutopilotJobSpec.DEFAULT_MAX_CANDIDATES);
        d.put("retrainInstanceType", PromotionOptions.DEFAULT_INSTANCE_TYPE);
        return d;
    }

    private static String jobVersion() {
        Properties p = new Properties();
        try (InputStream in = DeploySettings.class.getResourceAsStream("/deploy.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("job.version");
    }

    private static int positive(Map<String, String> v, String key) {
        try {
            int n = Integer.parseInt(v.get(key).trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(
                "context " + key + "=" + v.get(key) + " is not a positive whole number");
    }

    /** An EventBridge Scheduler rate or cron expression, or null for {@link #OFF}. */
    private static String schedule(Map<String, String> v, String key) {
        String s = v.get(key).trim();
        if (s.equals(OFF)) {
            return null;
        }
        if (s.matches("(rate|cron)\\(.+\\)")) {
            return s;
        }
        throw new IllegalArgumentException(
                "context "
                        + key
                        + "="
                        + s
                        + " is not an EventBridge Scheduler expression, rate(...) or cron(...),"
                        + " nor "
                        + OFF);
    }

    private static double fraction(Map<String, String> v, String key) {
        try {
            double x = Double.parseDouble(v.get(key).trim());
            if (x > 0 && x < 1) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(
                "context " + key + "=" + v.get(key) + " is not a fraction between 0 and 1");
    }

    private static boolean bool(Map<String, String> v, String key) {
        String s = v.get(key).trim();
        if (Arrays.asList("true", "false").contains(s)) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("context " + key + "=" + s + " is not true or false");
    }
}
