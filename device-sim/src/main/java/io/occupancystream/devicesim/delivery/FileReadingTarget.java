package io.occupancystream.devicesim.delivery;

import io.occupancystream.devicesim.RecordingFiles;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/** Writes one JSON line per reading, gzip-compressed when the file name ends in {@code .gz}. */
public final class FileReadingTarget implements ReadingTarget {
    private final Writer writer;

    public FileReadingTarget(Path file) throws IOException {
        this.writer = RecordingFiles.newWriter(file);
    }

    @Override
    public void send(Reading reading) throws IOException {
        writeLine(ReadingJson.write(reading));
    }

    @Override
    public void send(RecordedLine line) throws IOException {
        writeLine(line.text());
    }

    private void writeLine(String text) throws IOException {
        writer.write(text);
        writer.write('\n');
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
