package io.occupancystream.job.training;

import io.occupancystream.job.features.FeatureCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Writes one training-set CSV part file: the header, then one line per row. As a bulk format its
 * part files roll at every checkpoint, which is what makes the file sink exactly once.
 */
public final class TrainingCsvWriter implements BulkWriter<TrainingRow> {
    private final FSDataOutputStream out;

    private TrainingCsvWriter(FSDataOutputStream out) throws IOException {
        this.out = out;
        writeLine(FeatureCsv.header());
    }

    /** The factory that the file sink calls for each new part file. */
    public static BulkWriter.Factory<TrainingRow> factory() {
        return TrainingCsvWriter::new;
    }

    @Override
    public void addElement(TrainingRow row) throws IOException {
        writeLine(row.csv());
    }

    private void writeLine(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
