package io.occupancystream.deploy;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.LocalRunSettings;
import io.occupancystream.job.OutputSettings;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.kinesis.KinesisSettings;
import io.occupancystream.job.scoring.EndpointSettings;
import io.occupancystream.job.scoring.ScoringSettings;
import io.occupancystream.job.shadow.ShadowSettings;
import io.occupancystream.job.training.TrainingSettings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MSF application's runtime properties, made from the job's {@link JobSettings#ALL} list so
 * that every setting has one definition: a property group per setting group, each key with the
 * deployment's value for the live setup (Kinesis in and out, S3, the SageMaker endpoint) and the
 * job's default otherwise. Keys whose default is empty are left out: MSF refuses empty values, and
 * the job reads an absent key as its default.
 */
final class JobProperties {
    private final Map<Setting<?>, String> live = new HashMap<>();

    /**
     * @param bucket the data bucket's name
     * @param region the stack's region (a token when the stack is environment-agnostic)
     */
    JobProperties(DeploySettings settings, String bucket, String region) {
        live.put(SourceSettings.TYPE, "kinesis");
        live.put(KinesisSettings.REGION, region);
        live.put(KinesisSettings.INPUT_STREAM, settings.inputStream);
        live.put(KinesisSettings.RESULTS_STREAM, settings.resultsStream);
        live.put(KinesisSettings.DEAD_LETTER_STREAM, settings.deadLetterStream);
        live.put(OutputSettings.RESULTS, "kinesis");
        live.put(OutputSettings.DEAD_LETTERS, "kinesis");
        // Written by FileSinks through Flink's Hadoop S3 file system, which alone has the
        // recoverable writer they need: s3a:// names it even where another S3 file system also
        // claims s3:// (Flink's "Amazon S3" page; AWS's MSF S3Sink sample writes s3a:// too).
        live.put(OutputSettings.PATH, uri("s3a", bucket, DataBucket.JOB_OUTPUT));
        live.put(TrainingSettings.PATH, uri("s3a", bucket, DataBucket.TRAINING));
        live.put(ScoringSettings.SCORER, "endpoint");
        live.put(EndpointSettings.NAME, settings.endpointName);
        // Read with the AWS SDK, which knows s3:// only.
        live.put(ScoringSettings.MODEL_PATH, uri("s3", bucket, DataBucket.CURRENT_MODEL));
        // The job applies it to local runs only; the application's checkpoint interval here too,
        // so that the properties do not contradict what MSF runs.
        live.put(LocalRunSettings.CHECKPOINT_INTERVAL, settings.checkpointIntervalSeconds + " s");
        if (!settings.shadowEndpoint.isEmpty()) {
            live.put(ShadowSettings.ENABLED, "true");
            live.put(ShadowSettings.ENDPOINT, settings.shadowEndpoint);
        }
    }

    /** Property group id to its properties, groups and keys in the job's list order. */
    Map<String, Map<String, String>> groups() {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (Setting<?> key : JobSettings.ALL.all()) {
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
