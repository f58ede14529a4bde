package io.occupancystream.devicesim.localstack;

import io.occupancystream.job.OutputSettings;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.kinesis.KinesisSettings;
import io.occupancystream.job.scoring.EndpointSettings;
import io.occupancystream.job.scoring.ScoringSettings;
import io.occupancystream.job.training.TrainingSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job's settings for a local stack (written for {@code bin/job --config} by {@link
 * io.occupancystream.job.config.PropertyGroups#toJson}): readings from the input stream, scoring
 * through the local endpoint, results and dead letters to their streams, training sets to the
 * bucket.
 */
public final class LocalJobSettings {
    private LocalJobSettings() {}

    public static Map<Setting<?>, String> of(LocalStack stack, Path model, Path outputFolder) {
        LocalStackLayout layout = stack.layout();
        Map<Setting<?>, String> s = new LinkedHashMap<>();
        s.put(SourceSettings.TYPE, "kinesis");
        s.put(KinesisSettings.REGION, LocalStack.REGION.id());
        s.put(KinesisSettings.ENDPOINT, stack.kinesisEndpoint().toString());
        s.put(KinesisSettings.INPUT_STREAM, layout.inputStream);
        s.put(KinesisSettings.INITIAL_POSITION, "TRIM_HORIZON");
        s.put(KinesisSettings.RESULTS_STREAM, layout.resultsStream);
        s.put(KinesisSettings.DEAD_LETTER_STREAM, layout.deadLetterStream);
        s.put(OutputSettings.RESULTS, "kinesis");
        s.put(OutputSettings.DEAD_LETTERS, "kinesis");
        s.put(OutputSettings.PATH, outputFolder.toString());
        s.put(TrainingSettings.PATH, layout.trainingPrefix());
        s.put(ScoringSettings.SCORER, "endpoint");
        s.put(ScoringSettings.MODEL_PATH, model.toString());
        s.put(EndpointSettings.NAME, LocalStack.ENDPOINT_NAME);
        s.put(EndpointSettings.URL, stack.sagemakerEndpoint().toString());
        s.put(EndpointSettings.REGION, LocalStack.REGION.id());
        return s;
    }
}
