package io.occupancystream.job;

import io.occupancystream.job.OutputSettings.Target;
import io.occupancystream.job.ingest.DeadLetter;
import io.occupancystream.job.outputs.JsonLinesOutput;
import io.occupancystream.job.outputs.KinesisOutput;
import io.occupancystream.job.outputs.OutputSink;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.shadow.ShadowOutput;
import io.occupancystream.job.training.TrainingRow;
import io.occupancystream.job.training.TrainingSetWriter;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;

/** The four places the pipeline writes to. */
public final class PipelineOutputs {
    static final String RESULTS = "results";
    static final String DEAD_LETTERS = "dead-letters";
    static final String LATE = "late";

    /** The folders under output.path that the file outputs write. */
    static final List<String> FOLDERS = List.of(RESULTS, DEAD_LETTERS, LATE);

    final OutputSink<Result> results;
    final OutputSink<DeadLetter> deadLetters;
    final OutputSink<Reading> late;
    final OutputSink<TrainingRow> trainingSets;

    public PipelineOutputs(
            OutputSink<Result> results,
            OutputSink<DeadLetter> deadLetters,
            OutputSink<Reading> late,
            OutputSink<TrainingRow> trainingSets) {
        this.results = results;
        this.deadLetters = deadLetters;
        this.late = late;
        this.trainingSets = trainingSets;
    }

    /**
     * The outputs the configuration names: files under output.path, stdout or Kinesis streams, and
     * the device shadows too when shadow.enabled.
     */
    public static PipelineOutputs from(JobSettings settings) {
        OutputSink<Result> results =
                output(
                        settings,
                        RESULTS,
                        settings.output.results,
                        settings.kinesis.resultsStream,
                        Result::toJson,
                        r -> r.thingName);
        if (settings.shadow != null) {
            OutputSink<Result> primary = results;
            OutputSink<Result> shadows = new ShadowOutput(settings.shadow);
            results =
                    stream -> {
                        primary.attach(stream);
                        shadows.attach(stream);
                    };
        }
        return new PipelineOutputs(
                results,
                output(
                        settings,
                        DEAD_LETTERS,
                        settings.output.deadLetters,
                        settings.kinesis.deadLetterStream,
                        DeadLetter::toJson,
                        DeadLetter::partitionKey),
                output(settings, LATE, settings.output.late, null, ReadingJson::write, null),
                new TrainingSetWriter(settings.training.path, settings.training.window));
    }

    private static <T> OutputSink<T> output(
            JobSettings settings,
            String name,
            Target target,
            String stream,
            MapFunction<T, String> toJson,
            PartitionKeyGenerator<T> partitionKey) {
        switch (target) {
            case STDOUT:
                return JsonLinesOutput.toStdout(name, toJson);
            case KINESIS:
                return new KinesisOutput<>(name, settings.kinesis, stream, toJson, partitionKey);
            default:
                return JsonLinesOutput.toFolder(name, settings.output.path + "/" + name, toJson);
        }
    }
}
