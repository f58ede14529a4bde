package io.occupancystream.devicesim.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kinesalite, the in-memory Kinesis stand-in from npm, run by Node in a child process on loopback.
 * The build installs it ({@code npm ci} in {@code device-sim/kinesalite}); the process ends with
 * {@link #close()} or when this JVM's end closes its standard input.
 */
public final class Kinesalite implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Kinesalite.class);
    private static final Pattern LISTENING = Pattern.compile("kinesalite listening on (\\d+)");
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final int port;

    private Kinesalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts kinesalite on {@code port} (0 for a free one) from the npm package folder {@code dir}.
     */
    public static Kinesalite start(Path dir, int port) throws IOException {
        Path server = dir.resolve("server.js");
        if (!Files.isRegularFile(dir.resolve("node_modules/kinesalite/package.json"))) {
            throw new IOException(
                    "kinesalite is not installed in "
                            + dir.toAbsolutePath()
                            + ": run the build (mvn -B verify runs npm ci there)");
        }
        Process process =
                new ProcessBuilder(
                                "node",
                                server.toAbsolutePath().toString(),
                                Integer.toString(port),
                                "--exit-with-stdin")
                        .redirectErrorStream(true)
                        .start();
        try {
            return new Kinesalite(process, awaitPort(process));
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The folder of the npm package: {@code device-sim/kinesalite} under the project root. */
    public static Path packageDir(Path projectRoot) {
        return projectRoot.resolve("device-sim").resolve("kinesalite");
    }

    private static int awaitPort(Process process) throws IOException {
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                String line;
                                while ((line = out.readLine()) != null) {
                                    Matcher m = LISTENING.matcher(line);
                                    if (!port.isDone() && m.find()) {
                                        port.complete(Integer.parseInt(m.group(1)));
                                    } else {
                                        LOG.info("kinesalite: {}", line);
                                    }
                                }
                                port.completeExceptionally(
                                        new IOException(
                                                "kinesalite exited before listening (node"
                                                        + " installed? see the log above)"));
                            } catch (IOException e) {
                                port.completeExceptionally(e);
                            }
                        },
                        "kinesalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("kinesalite did not start in " + START_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting kinesalite", e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
