package io.occupancystream.job;

import io.occupancystream.job.config.JobConfig;
import io.occupancystream.job.config.JobConfig.OutputTarget;
import io.occupancystream.job.ingest.DeadLetter;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import io.occupancystream.job.results.JsonLinesOutput;
import io.occupancystream.job.results.OutputSink;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.training.TrainingRow;
import io.occupancystream.job.training.TrainingSetWriter;
import org.apache.flink.api.common.functions.MapFunction;

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

    /** The outputs the configuration names: files under output.path, or stdout. */
    public static PipelineOutputs fromConfig(JobConfig config) {
        return new PipelineOutputs(
                jsonLines(config, "results", config.resultsTarget, Result::toJson),
                jsonLines(config, "dead-letters", config.deadLettersTarget, DeadLetter::toJson),
                jsonLines(config, "late", config.lateTarget, ReadingJson::write),
                new TrainingSetWriter(config.trainingPath, config.trainingWindow));
    }

    private static <T> OutputSink<T> jsonLines(
            JobConfig config, String name, OutputTarget target, MapFunction<T, String> toJson) {
        return target == OutputTarget.STDOUT
                ? JsonLinesOutput.toStdout(name, toJson)
                : JsonLinesOutput.toFolder(name, config.outputPath + "/" + name, toJson);
    }
}
