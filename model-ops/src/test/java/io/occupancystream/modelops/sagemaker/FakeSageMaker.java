package io.occupancystream.modelops.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The SageMaker control plane as the AWS SDK sees it (JSON 1.1: POST / with {@code X-Amz-Target:
 * SageMaker.OPERATION}), answering each operation from a script of recorded-shape responses and
 * keeping every request for the test to check. An operation without a scripted answer fails the
 * test with a 500 naming it.
 */
public final class FakeSageMaker implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final Map<String, Supplier<String>> always = new HashMap<>();

    public FakeSageMaker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next call of {@code operation} with HTTP 200 and {@code json}. */
    public FakeSageMaker then(String operation, String json) {
        script.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(new Answer(200, json));
        return this;
    }

    /**
     * Scripts the next look at the endpoint's model: DescribeEndpoint answers {@code endpoint},
     * whose config serves {@code old-model}, whose tags are {@code tags} (a JSON array).
     */
    public FakeSageMaker thenServing(String endpoint, String tags) {
        return then("DescribeEndpoint", endpoint)
                .then(
                        "DescribeEndpointConfig",
                        "{\"ProductionVariants\":[{\"VariantName\":\"AllTraffic\","
                                + "\"ModelName\":\"old-model\"}]}")
                .then("DescribeModel", "{\"ModelArn\":\"arn:aws:sagemaker:model/old-model\"}")
                .then("ListTags", "{\"Tags\":" + tags + "}");
    }

    /** Answers the next call of {@code operation} with an AWS error. */
    public FakeSageMaker thenError(String operation, int status, String type, String message) {
        script.computeIfAbsent(operation, o -> new ArrayDeque<>())
                .add(new Answer(status, error(type, message)));
        return this;
    }

    /** Answers every call of {@code operation} not scripted otherwise with {@code json}. */
    public FakeSageMaker always(String operation, String json) {
        return always(operation, () -> json);
    }

    /**
     * Answers every call of {@code operation} not scripted otherwise with what {@code json} makes.
     */
    public FakeSageMaker always(String operation, Supplier<String> json) {
        always.put(operation, json);
        return this;
    }

    public static String error(String type, String message) {
        return "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
    }

    /** The operations called, in order. */
    public synchronized List<String> operations() {
        return requests.stream().map(r -> r.operation).collect(Collectors.toList());
    }

    /** The bodies of the calls of {@code operation}, in order. */
    public List<JsonNode> bodies(String operation) {
        synchronized (this) {
            return bodiesOf(operation);
        }
    }

    private List<JsonNode> bodiesOf(String operation) {
        return requests.stream()
                .filter(r -> r.operation.equals(operation))
                .map(r -> r.body)
                .collect(Collectors.toList());
    }

    public JsonNode only(String operation) {
        List<JsonNode> bodies = bodies(operation);
        if (bodies.size() != 1) {
            throw new AssertionError(operation + " called " + bodies.size() + " times");
        }
        return bodies.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "?" : target.substring(target.indexOf('.') + 1);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Answer answer;
        synchronized (this) {
            requests.add(new Request(operation, body));
            Deque<Answer> queued = script.get(operation);
            if (queued != null && !queued.isEmpty()) {
                answer = queued.poll();
            } else if (always.containsKey(operation)) {
                answer = new Answer(200, always.get(operation).get());
            } else {
                answer =
                        new Answer(
                                500,
                                error("InternalFailure", "no scripted answer for " + operation));
            }
        }
        byte[] bytes = answer.json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(answer.status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class Request {
        final String operation;
        final JsonNode body;

        Request(String operation, JsonNode body) {
            this.operation = operation;
            this.body = body;
        }
    }

    private static final class Answer {
        final int status;
        final String json;

        Answer(int status, String json) {
            this.status = status;
            this.json = json;
        }
    }
}
