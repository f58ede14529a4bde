package io.occupancystream.devicesim;

import io.occupancystream.devicesim.kinesis.LocalKinesisClient;
import io.occupancystream.devicesim.localstack.Kinesalite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Kinesalite for a test class, with a client, and the dummy credentials the commands take from the
 * SDK's default chain (which reads these system properties first); closing undoes all three.
 */
public final class LocalKinesis implements AutoCloseable {
    private final Kinesalite kinesalite;
    private final KinesisClient client;

    private LocalKinesis(Kinesalite kinesalite) {
        this.kinesalite = kinesalite;
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        this.client = LocalKinesisClient.connect(kinesalite.endpoint());
    }

    public static LocalKinesis start() throws IOException {
        return new LocalKinesis(Kinesalite.start(Path.of("kinesalite"), 0));
    }

    public KinesisClient client() {
        return client;
    }

    public URI endpoint() {
        return kinesalite.endpoint();
    }

    @Override
    public void close() {
        client.close();
        kinesalite.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
