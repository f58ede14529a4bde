package io.occupancystream.devicesim;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Opens the text files device-sim reads and writes, as UTF-8, gzip-compressed when the name ends in
 * {@code .gz}.
 */
public final class RecordingFiles {
    private static final int BUFFER_BYTES = 64 * 1024;

    private RecordingFiles() {}

    /** A reader that fails on bytes that are not UTF-8 rather than replacing them. */
    public static BufferedReader newReader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (isGzip(file)) {
                in = new GZIPInputStream(in, BUFFER_BYTES);
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), BUFFER_BYTES);
    }

    /**
     * A writer that replaces the file. Gzip output holds no file name or modification time, so the
     * same content gives the same bytes.
     */
    public static BufferedWriter newWriter(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        try {
            if (isGzip(file)) {
                out = new GZIPOutputStream(out, BUFFER_BYTES);
            }
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return new BufferedWriter(
                new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()), BUFFER_BYTES);
    }

    private static boolean isGzip(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }
}
