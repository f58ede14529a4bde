package io.occupancystream.devicesim.localstack;

import io.occupancystream.job.config.ConfigKey;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The job's settings for a local stack (written for {@code bin/job --config} by {@link
 * io.occupancystream.job.config.PropertyGroups#toJson}): readings from the input stream, scoring
 * through the local endpoint, results and dead letters to their streams, training sets to the
 * bucket.
 */
public final class LocalJobSettings {
    private LocalJobSettings() {}

    public static Map<ConfigKey, String> of(LocalStack stack, Path model, Path outputFolder) {
        LocalStackLayout layout = stack.layout();
        Map<ConfigKey, String> s = new EnumMap<>(ConfigKey.class);
        s.put(ConfigKey.SOURCE_TYPE, "kinesis");
        s.put(ConfigKey.KINESIS_REGION, LocalStack.REGION.id());
        s.put(ConfigKey.KINESIS_ENDPOINT, stack.kinesisEndpoint().toString());
        s.put(ConfigKey.KINESIS_INPUT_STREAM, layout.inputStream);
        s.put(ConfigKey.KINESIS_INITIAL_POSITION, "TRIM_HORIZON");
        s.put(ConfigKey.KINESIS_RESULTS_STREAM, layout.resultsStream);
        s.put(ConfigKey.KINESIS_DEAD_LETTER_STREAM, layout.deadLetterStream);
        s.put(ConfigKey.OUTPUT_RESULTS, "kinesis");
        s.put(ConfigKey.OUTPUT_DEAD_LETTERS, "kinesis");
        s.put(ConfigKey.OUTPUT_PATH, outputFolder.toString());
        s.put(ConfigKey.TRAINING_PATH, layout.trainingPrefix());
        s.put(ConfigKey.SCORING_SCORER, "endpoint");
        s.put(ConfigKey.SCORING_MODEL_PATH, model.toString());
        s.put(ConfigKey.SCORING_ENDPOINT_NAME, LocalStack.ENDPOINT_NAME);
        s.put(ConfigKey.SCORING_ENDPOINT_URL, stack.sagemakerEndpoint().toString());
        s.put(ConfigKey.SCORING_ENDPOINT_REGION, LocalStack.REGION.id());
        return s;
    }
}
