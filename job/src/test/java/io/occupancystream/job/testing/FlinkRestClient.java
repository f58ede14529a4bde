package io.occupancystream.job.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The few calls of Flink's REST API that submitting a jar and following its job take: upload
 * ({@code POST /jars/upload}), run ({@code POST /jars/:id/run}), and job state and exceptions. A
 * call answered with an HTTP error throws, with Flink's error text.
 */
public final class FlinkRestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL_STATES = Set.of("FINISHED", "FAILED", "CANCELED");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public FlinkRestClient(URI base) {
        this.base = base;
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Uploads a jar as the web UI does and returns the id that {@link #run} takes. */
    public String upload(Path jar) throws IOException, InterruptedException {
        String boundary = "occupancy-stream-" + UUID.randomUUID();
        byte[] head =
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"jarfile\";"
                                + " filename=\""
                                + jar.getFileName()
                                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        // Streamed rather than read into memory: the shaded jar is about 100 MB.
        BodyPublisher body =
                BodyPublishers.fromPublisher(
                        BodyPublishers.ofInputStream(() -> multipart(head, jar, tail)),
                        head.length + Files.size(jar) + tail.length);
        JsonNode answer =
                send(
                        HttpRequest.newBuilder(base.resolve("/jars/upload"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(body));
        return Path.of(answer.get("filename").asText()).getFileName().toString();
    }

    /**
     * Runs an uploaded jar's manifest main class with these arguments, detached, and returns the
     * job id.
     */
    public String run(String jarId, List<String> programArgs)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        programArgs.forEach(request.putArray("programArgsList")::add);
        JsonNode answer =
                send(
                        HttpRequest.newBuilder(base.resolve("/jars/" + jarId + "/run"))
                                .header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofString(request.toString())));
        return answer.get("jobid").asText();
    }

    /**
     * Waits for the job to finish, fail or be cancelled, and returns that state; or the state it is
     * still in when {@code timeout} has passed.
     */
    public String awaitFinalState(String jobId, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = get("/jobs/" + jobId).get("state").asText();
        while (!FINAL_STATES.contains(state) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            state = get("/jobs/" + jobId).get("state").asText();
        }
        return state;
    }

    /** The job's root exception and exception history, as Flink reports them. */
    public String exceptions(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/exceptions").toPrettyString();
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofMinutes(2)).build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(
                    built.method()
                            + " "
                            + built.uri()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static InputStream multipart(byte[] head, Path file, byte[] tail) {
        try {
            return new SequenceInputStream(
                    new SequenceInputStream(
                            new ByteArrayInputStream(head), Files.newInputStream(file)),
                    new ByteArrayInputStream(tail));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
