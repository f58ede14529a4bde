package io.occupancystream.job.outputs;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.PrintSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * Writes an output as JSON lines, either to part files in one folder (exactly once: files are
 * committed at checkpoints) or to standard output.
 */
public final class JsonLinesOutput<T> implements OutputSink<T> {
    private final String name;
    private final String folder;
    private final MapFunction<T, String> toJson;

    private JsonLinesOutput(String name, String folder, MapFunction<T, String> toJson) {
        this.name = name;
        this.folder = folder;
        this.toJson = toJson;
    }

    /** Part files {@code <name>-*.jsonl} directly under {@code folder}. */
    public static <T> JsonLinesOutput<T> toFolder(
            String name, String folder, MapFunction<T, String> toJson) {
        return new JsonLinesOutput<>(name, folder, toJson);
    }

    /** One JSON line per record on the task managers' standard output. */
    public static <T> JsonLinesOutput<T> toStdout(String name, MapFunction<T, String> toJson) {
        return new JsonLinesOutput<>(name, null, toJson);
    }

    @Override
    public void attach(DataStream<T> stream) {
        DataStream<String> lines = stream.map(toJson).name(name + " as JSON").uid(name + "-json");
        if (folder == null) {
            lines.sinkTo(new PrintSink<>()).name(name + " to stdout").uid(name + "-stdout");
            return;
        }
        FileSink<String> sink =
                FileSink.forRowFormat(new Path(folder), new SimpleStringEncoder<String>("UTF-8"))
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .withOutputFileConfig(
                                OutputFileConfig.builder()
                                        .withPartPrefix(name)
                                        .withPartSuffix(".jsonl")
                                        .build())
                        .build();
        lines.sinkTo(sink).name(name + " to " + folder).uid(name + "-files");
    }
}
