package io.occupancystream.job.training;

import io.occupancystream.job.outputs.OutputSink;
import java.time.Duration;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;

/**
 * Writes training rows as CSV part files with a header, one folder per window ({@link
 * WindowBucketAssigner}), under a local folder or any Flink file system (s3://...). Exactly once:
 * part files become visible only when the checkpoint that covers them completes.
 */
public final class TrainingSetWriter implements OutputSink<TrainingRow> {
    private final String basePath;
    private final Duration window;

    public TrainingSetWriter(String basePath, Duration window) {
        this.basePath = basePath;
        this.window = window;
    }

    @Override
    public void attach(DataStream<TrainingRow> rows) {
        FileSink<TrainingRow> sink =
                FileSink.forBulkFormat(new Path(basePath), TrainingCsvWriter.factory())
                        .withBucketAssigner(new WindowBucketAssigner(window))
                        .withOutputFileConfig(
                                OutputFileConfig.builder()
                                        .withPartPrefix("part")
                                        .withPartSuffix(".csv")
                                        .build())
                        .build();
        rows.sinkTo(sink).name("training sets " + basePath).uid("training-set-sink");
    }
}
