package io.occupancystream.job;

import io.occupancystream.job.config.JobConfig;
import io.occupancystream.job.config.JobConfig.OutputTarget;
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
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;

/** The four places the pipeline writes to. */
public final class PipelineOutputs {
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
    public static PipelineOutputs fromConfig(JobConfig config) {
        OutputSink<Result> results =
                output(
                        config,
                        "results",
                        config.resultsTarget,
                        config.kinesis.resultsStream,
                        Result::toJson,
                        r -> r.thingName);
        if (config.shadow != null) {
            OutputSink<Result> primary = results;
            OutputSink<Result> shadows = new ShadowOutput(config.shadow);
            results =
                    stream -> {
                        primary.attach(stream);
                        shadows.attach(stream);
                    };
        }
        return new PipelineOutputs(
                results,
                output(
                        config,
                        "dead-letters",
                        config.deadLettersTarget,
                        config.kinesis.deadLetterStream,
                        DeadLetter::toJson,
                        DeadLetter::partitionKey),
                output(config, "late", config.lateTarget, null, ReadingJson::write, null),
                new TrainingSetWriter(config.trainingPath, config.trainingWindow));
    }

    private static <T> OutputSink<T> output(
            JobConfig config,
            String name,
            OutputTarget target,
            String stream,
            MapFunction<T, String> toJson,
            PartitionKeyGenerator<T> partitionKey) {
        switch (target) {
            case STDOUT:
                return JsonLinesOutput.toStdout(name, toJson);
            case KINESIS:
                return new KinesisOutput<>(name, config.kinesis, stream, toJson, partitionKey);
            default:
                return JsonLinesOutput.toFolder(name, config.outputPath + "/" + name, toJson);
        }
    }
}
