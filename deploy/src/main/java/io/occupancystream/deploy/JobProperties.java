package io.occupancystream.deploy;

import io.occupancystream.job.config.ConfigKey;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MSF application's runtime properties, made from the job's {@link ConfigKey} list so that
 * every setting has one definition: a property group per ConfigKey group, each key with the
 * deployment's value for the live setup (Kinesis in and out, S3, the SageMaker endpoint) and the
 * job's default otherwise. Keys whose default is empty are left out: MSF refuses empty values, and
 * the job reads an absent key as its default.
 */
final class JobProperties {
    private final Map<ConfigKey, String> live = new EnumMap<>(ConfigKey.class);

    /**
     * @param bucket the data bucket's name
     * @param region the stack's region (a token when the stack is environment-agnostic)
     */
    JobProperties(DeploySettings settings, String bucket, String region) {
        live.put(ConfigKey.SOURCE_TYPE, "kinesis");
        live.put(ConfigKey.KINESIS_REGION, region);
        live.put(ConfigKey.KINESIS_INPUT_STREAM, settings.inputStream);
        live.put(ConfigKey.KINESIS_RESULTS_STREAM, settings.resultsStream);
        live.put(ConfigKey.KINESIS_DEAD_LETTER_STREAM, settings.deadLetterStream);
        live.put(ConfigKey.OUTPUT_RESULTS, "kinesis");
        live.put(ConfigKey.OUTPUT_DEAD_LETTERS, "kinesis");
        // Written by FileSinks through Flink's Hadoop S3 file system, which alone has the
        // recoverable writer they need: s3a:// names it even where another S3 file system also
        // claims s3:// (Flink's "Amazon S3" page; AWS's MSF S3Sink sample writes s3a:// too).
        live.put(ConfigKey.OUTPUT_PATH, uri("s3a", bucket, DataBucket.JOB_OUTPUT));
        live.put(ConfigKey.TRAINING_PATH, uri("s3a", bucket, DataBucket.TRAINING));
        live.put(ConfigKey.SCORING_SCORER, "endpoint");
        live.put(ConfigKey.SCORING_ENDPOINT_NAME, settings.endpointName);
        // Read with the AWS SDK, which knows s3:// only.
        live.put(ConfigKey.SCORING_MODEL_PATH, uri("s3", bucket, DataBucket.CURRENT_MODEL));
        // The same interval as the application's checkpoint configuration, so that the job's own
        // setting does not contradict what MSF runs.
        live.put(ConfigKey.JOB_CHECKPOINT_INTERVAL, settings.checkpointIntervalSeconds + " s");
        if (!settings.shadowEndpoint.isEmpty()) {
            live.put(ConfigKey.SHADOW_ENABLED, "true");
            live.put(ConfigKey.SHADOW_ENDPOINT, settings.shadowEndpoint);
        }
    }

    /** Property group id to its properties, groups and keys in ConfigKey order. */
    Map<String, Map<String, String>> groups() {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            String value = live.getOrDefault(key, key.defaultValue());
            if (!value.isEmpty()) {
                groups.computeIfAbsent(key.group(), g -> new LinkedHashMap<>())
                        .put(key.key(), value);
            }
        }
        return groups;
    }

    private static String uri(String scheme, String bucket, String prefix) {
        return scheme + "://" + bucket + "/" + prefix;
    }
}
