package io.occupancystream.devicesim;

import io.occupancystream.devicesim.kinesis.LocalKinesisClient;
import io.occupancystream.devicesim.localstack.Kinesalite;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Kinesalite for a test class ({@code @RegisterExtension static final LocalKinesis KINESIS = new
 * LocalKinesis();}), with a client, and the dummy credentials the commands take from the SDK's
 * default chain (which reads these system properties first); after the class, all three are undone.
 */
public final class LocalKinesis implements BeforeAllCallback, AfterAllCallback {
    private Kinesalite kinesalite;
    private KinesisClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kinesalite = Kinesalite.start(Path.of("kinesalite"), 0);
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        client = LocalKinesisClient.connect(kinesalite.endpoint());
    }

    public KinesisClient client() {
        return client;
    }

    public URI endpoint() {
        return kinesalite.endpoint();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (kinesalite != null) {
            kinesalite.close();
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
