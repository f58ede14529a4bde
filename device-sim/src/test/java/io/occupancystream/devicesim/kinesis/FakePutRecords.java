package io.occupancystream.devicesim.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A loopback HTTP server that answers the SDK's JSON PutRecords calls (CBOR off) and remembers each
 * call's entries as "partitionKey data". Which entries of a call fail is up to the test.
 */
final class FakePutRecords implements AutoCloseable {
    static final String THROTTLED = "ProvisionedThroughputExceededException";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final BiFunction<Integer, List<String>, Set<Integer>> failures;
    final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param failures from the call's index (0 first) and entries, the indexes of entries to fail
     */
    FakePutRecords(BiFunction<Integer, List<String>, Set<Integer>> failures) throws IOException {
        this.failures = failures;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"Kinesis_20131202.PutRecords".equals(target)
                || !"application/x-amz-json-1.1".equals(contentType)) {
            problems.add(target + " as " + contentType);
            respond(exchange, 400, "{\"__type\":\"UnknownOperationException\"}");
            return;
        }
        JsonNode request = MAPPER.readTree(exchange.getRequestBody());
        List<String> entries = new ArrayList<>();
        for (JsonNode record : request.get("Records")) {
            String data =
                    new String(
                            Base64.getDecoder().decode(record.get("Data").asText()),
                            StandardCharsets.UTF_8);
            entries.add(record.get("PartitionKey").asText() + " " + data);
        }
        Set<Integer> failed = failures.apply(calls.size(), entries);
        calls.add(entries);
        ObjectNode response = MAPPER.createObjectNode();
        response.put("FailedRecordCount", failed.size());
        ArrayNode results = response.putArray("Records");
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode result = results.addObject();
            if (failed.contains(i)) {
                result.put("ErrorCode", THROTTLED);
                result.put("ErrorMessage", "Rate exceeded for shard shardId-000000000000");
            } else {
                result.put("SequenceNumber", Integer.toString(calls.size() * 1000 + i));
                result.put("ShardId", "shardId-000000000000");
            }
        }
        respond(exchange, 200, response.toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
