package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.testing.LocalS3Bucket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.RecoverableFsDataOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A local run's S3 file system (the flink-s3-fs-hadoop plugin under target/plugins) serves both
 * schemes: {@code s3://}, which local users and the local stack write, and {@code s3a://}, which
 * the deployment writes. Each is checked the way a FileSink writes: through the recoverable writer,
 * an object committed at once and whole.
 */
class LocalFileSystemsTest {
    private static final String CSV = "a,b\n1,2\n";

    private static LocalS3Bucket bucket;

    @BeforeAll
    static void startS3AndLoadPlugins() throws Exception {
        bucket = LocalS3Bucket.start("local-file-systems");
        LocalFileSystems.initialize(bucket.flinkSettings(), Path.of("target", "plugins"));
    }

    @AfterAll
    static void forgetPluginsAndStopS3() throws Exception {
        FileSystem.initialize(new Configuration(), null);
        if (bucket != null) {
            bucket.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3", "s3a"})
    void recoverableWriterCommitsTheObjectUnderEitherScheme(String scheme) throws Exception {
        String key = scheme + "/part-0.csv";
        org.apache.flink.core.fs.Path path =
                new org.apache.flink.core.fs.Path(scheme + "://" + bucket.name + "/" + key);

        RecoverableFsDataOutputStream out =
                path.getFileSystem().createRecoverableWriter().open(path);
        out.write(CSV.getBytes(StandardCharsets.UTF_8));
        out.closeForCommit().commit();

        try (S3Client client = bucket.client()) {
            assertThat(client.getObjectAsBytes(b -> b.bucket(bucket.name).key(key)).asUtf8String())
                    .isEqualTo(CSV);
        }
    }
}
