package io.occupancystream.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * {@code model.tar.gz} as SageMaker's built-in XGBoost container expects it: one entry, {@code
 * xgboost-model}, holding the booster in XGBoost's JSON model format. The container loads every
 * top-level file of the archive as a booster (an ensemble by default), so nothing else may be in
 * it; XGBoost loads a JSON model from a file without the {@code .json} extension by its first byte.
 */
public final class ModelArtifact {
    public static final String FILE = "model.tar.gz";
    public static final String ENTRY = "xgboost-model";

    private ModelArtifact() {}

    public static void write(Path modelDir, byte[] xgboostModel) throws IOException {
        try (OutputStream file = Files.newOutputStream(modelDir.resolve(FILE));
                TarArchiveOutputStream tar =
                        new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            TarArchiveEntry entry = new TarArchiveEntry(ENTRY);
            entry.setSize(xgboostModel.length);
            entry.setModTime(0);
            tar.putArchiveEntry(entry);
            tar.write(xgboostModel);
            tar.closeArchiveEntry();
        }
    }

    public static byte[] read(Path modelDir) throws IOException {
        Path file = modelDir.resolve(FILE);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** The booster in the contents of a {@value #FILE}; {@code name} names it in errors. */
    public static byte[] read(InputStream archive, String name) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GzipCompressorInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().equals(ENTRY) || entry.getName().equals("./" + ENTRY)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    tar.transferTo(bytes);
                    return bytes.toByteArray();
                }
            }
        }
        throw new IOException(name + " has no " + ENTRY + " entry");
    }
}
