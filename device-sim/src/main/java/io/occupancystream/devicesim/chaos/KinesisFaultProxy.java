package io.occupancystream.devicesim.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of kinesalite (Kinesis's JSON protocol, as the local stack speaks it) that
 * passes every call through, except PutRecords to the streams it is told to refuse while a fault is
 * on. Its answers are those of the Kinesis Data Streams API Reference: "PutRecords" (errors:
 * ProvisionedThroughputExceededException, HTTP 400) and "PutRecordsResultEntry" (a failed entry has
 * ErrorCode ProvisionedThroughputExceededException, with a message naming the account, stream and
 * shard, or InternalFailure, "Internal Service Failure"), with the error type in {@code __type} as
 * the JSON protocol carries it.
 */
final class KinesisFaultProxy implements AutoCloseable {
    /** How PutRecords calls to a refused stream are answered. */
    enum Fault {
        NONE,
        /** Every call: HTTP 400 ProvisionedThroughputExceededException. */
        THROTTLE_CALLS,
        /**
         * HTTP 200, every other entry (the first, third, ...) failed with
         * ProvisionedThroughputExceededException, the others written.
         */
        THROTTLE_ENTRIES,
        /** HTTP 200, every entry failed with InternalFailure. */
        FAIL_ENTRIES
    }

    private static final String PUT_RECORDS = "Kinesis_20131202.PutRecords";
    private static final String ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNCOPIED_HEADERS =
            Set.of(
                    "host",
                    "content-length",
                    "connection",
                    "expect",
                    "upgrade",
                    "transfer-encoding");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong refusedCalls = new AtomicLong();
    private final AtomicLong refusedEntries = new AtomicLong();
    private volatile Fault fault = Fault.NONE;
    private volatile Set<String> streams = Set.of();

    KinesisFaultProxy(URI target) throws IOException {
        this.target = target;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(workers);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers PutRecords to {@code refusedStreams} with {@code fault} from now on. */
    void inject(Fault fault, Set<String> refusedStreams) {
        this.streams = Set.copyOf(refusedStreams);
        this.fault = fault;
    }

    long refusedCalls() {
        return refusedCalls.get();
    }

    long refusedEntries() {
        return refusedEntries.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Fault now = fault;
            if (now != Fault.NONE && PUT_RECORDS.equals(operation)) {
                JsonNode request = JSON.readTree(body);
                if (streams.contains(request.path("StreamName").asText())) {
                    refuse(exchange, now, request);
                    return;
                }
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            response.headers()
                    .map()
                    .forEach(
                            (name, values) -> {
                                if (!UNCOPIED_HEADERS.contains(name.toLowerCase())
                                        && !name.startsWith(":")) {
                                    exchange.getResponseHeaders().put(name, values);
                                }
                            });
            send(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                        .method(
                                exchange.getRequestMethod(),
                                HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!UNCOPIED_HEADERS.contains(header.getKey().toLowerCase())) {
                for (String value : header.getValue()) {
                    request.header(header.getKey(), value);
                }
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void refuse(HttpExchange exchange, Fault fault, JsonNode request)
            throws IOException, InterruptedException {
        String stream = request.path("StreamName").asText();
        JsonNode records = request.path("Records");
        refusedCalls.incrementAndGet();
        String throttled =
                "Rate exceeded for shard shardId-000000000000 in stream "
                        + stream
                        + " under account "
                        + ACCOUNT
                        + ".";
        if (fault == Fault.THROTTLE_CALLS) {
            refusedEntries.addAndGet(records.size());
            ObjectNode error = JSON.createObjectNode();
            error.put("__type", "ProvisionedThroughputExceededException");
            error.put("message", throttled);
            sendJson(exchange, 400, error);
            return;
        }
        // The entries that pass go to kinesalite in one call of their own, in request order.
        ObjectNode passing = JSON.createObjectNode();
        passing.put("StreamName", stream);
        ArrayNode passed = passing.putArray("Records");
        for (int i = 0; i < records.size(); i++) {
            if (fault == Fault.THROTTLE_ENTRIES && i % 2 == 1) {
                passed.add(records.get(i));
            }
        }
        JsonNode written = JSON.createObjectNode().putArray("Records");
        int failed = records.size() - passed.size();
        if (passed.size() > 0) {
            HttpResponse<byte[]> response = forward(exchange, JSON.writeValueAsBytes(passing));
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                send(exchange, response.statusCode(), response.body());
                return;
            }
            written = answer.path("Records");
            failed += answer.path("FailedRecordCount").asInt();
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("FailedRecordCount", failed);
        ArrayNode entries = response.putArray("Records");
        int next = 0;
        for (int i = 0; i < records.size(); i++) {
            if (fault == Fault.THROTTLE_ENTRIES && i % 2 == 1) {
                entries.add(written.get(next++));
            } else if (fault == Fault.FAIL_ENTRIES) {
                entries.addObject()
                        .put("ErrorCode", "InternalFailure")
                        .put("ErrorMessage", "Internal Service Failure");
            } else {
                entries.addObject()
                        .put("ErrorCode", "ProvisionedThroughputExceededException")
                        .put("ErrorMessage", throttled);
            }
        }
        refusedEntries.addAndGet(records.size() - passed.size());
        sendJson(exchange, 200, response);
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        send(exchange, status, JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
