package io.occupancystream.modelops.data;

import io.occupancystream.model.aws.AwsEndpoint;
import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An in-memory S3 server (S3Proxy) on a loopback port, for the local stack and the tests. It
 * accepts only requests signed with {@link #ACCESS_KEY} and {@link #SECRET_KEY}.
 */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "local-access";
    public static final String SECRET_KEY = "local-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext store;

    /** On a free port. */
    public LocalS3() throws Exception {
        this(0);
    }

    public LocalS3(int port) throws Exception {
        store = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
        proxy =
                S3Proxy.builder()
                        .blobStore(store.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:" + port))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** This server, with its keys. */
    public AwsEndpoint aws() {
        return AwsEndpoint.local(endpoint(), ACCESS_KEY, SECRET_KEY);
    }

    /** A client for this server, signed with its keys. */
    public S3Client client() {
        return aws().configure(S3Client.builder()).forcePathStyle(true).build();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        store.close();
    }
}
