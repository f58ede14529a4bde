package io.occupancystream.job.testing;

import io.occupancystream.job.LocalFileSystems;
import io.occupancystream.modelops.data.LocalS3;
import org.apache.flink.configuration.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One bucket on an in-process S3 ({@link LocalS3}), and the settings that point Flink's S3 file
 * system at it with its keys (on MSF the application's role gives the credentials).
 */
public final class LocalS3Bucket implements AutoCloseable {
    public final String name;
    private final LocalS3 s3;

    private LocalS3Bucket(String name, LocalS3 s3) {
        this.name = name;
        this.s3 = s3;
    }

    public static LocalS3Bucket start(String name) throws Exception {
        LocalS3 s3 = new LocalS3();
        try (S3Client client = s3.client()) {
            client.createBucket(b -> b.bucket(name));
        }
        return new LocalS3Bucket(name, s3);
    }

    public Configuration flinkSettings() {
        Configuration conf = new Configuration();
        LocalFileSystems.useS3Endpoint(conf, s3.endpoint().toString());
        conf.setString("s3.access-key", LocalS3.ACCESS_KEY);
        conf.setString("s3.secret-key", LocalS3.SECRET_KEY);
        return conf;
    }

    public S3Client client() {
        return s3.client();
    }

    @Override
    public void close() throws Exception {
        s3.close();
    }
}
