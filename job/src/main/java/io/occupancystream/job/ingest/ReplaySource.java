package io.occupancystream.job.ingest;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Replays recorded readings from a file or a folder (read recursively), one record per line. Files
 * ending in .gz (or another extension Flink knows) are decompressed. Bounded: the job ends when the
 * files are read. Positions are checkpointed, so a restart does not read a line twice.
 */
public final class ReplaySource implements ReadingSource {
    private final String path;

    public ReplaySource(String path) {
        this.path = path;
    }

    @Override
    public DataStream<String> rawReadings(StreamExecutionEnvironment env) {
        FileSource<String> files =
                FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(path)).build();
        return env.fromSource(files, WatermarkStrategy.noWatermarks(), "replay " + path)
                .uid("replay-source");
    }
}
