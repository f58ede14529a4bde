package io.occupancystream.job.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.testing.DummyAwsCredentials;
import io.occupancystream.job.testing.MiniClusters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shadow sink against a local HTTP server that plays the IoT data plane: it checks each
 * UpdateThingShadow request and answers throttling, a server error or a rejection for chosen
 * things.
 */
class ShadowUpdateSinkClusterTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusters.twoSlots();

    private HttpServer server;
    private final List<String> accepted = new ArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void startDataPlane() throws IOException {
        DummyAwsCredentials.set();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/things/", this::updateThingShadow);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        DummyAwsCredentials.clear();
    }

    private void updateThingShadow(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String thing = path.substring("/things/".length(), path.indexOf("/shadow"));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int call = calls.computeIfAbsent(thing, t -> new AtomicInteger()).incrementAndGet();
        int status;
        if (!exchange.getRequestMethod().equals("POST") || !path.endsWith("/shadow")) {
            status = 404;
        } else if (thing.equals("throttled") && call == 1) {
            status = 429;
        } else if (thing.equals("flaky") && call <= 2) {
            status = 503;
        } else if (thing.equals("rejected")) {
            status = 400;
        } else {
            synchronized (accepted) {
                accepted.add(thing + (query == null ? "" : "?" + query) + " " + body);
            }
            status = 200;
        }
        byte[] answer =
                (status == 200 ? body : "{\"message\":\"status " + status + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 429) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "ThrottlingException");
        }
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private ShadowSettings settings(String shadowName) {
        return new ShadowSettings(
                "http://127.0.0.1:" + server.getAddress().getPort(), "us-east-1", shadowName, 4);
    }

    private void run(ShadowSettings settings, Result... results) throws Exception {
        StreamExecutionEnvironment env = MiniClusters.environment();
        env.setParallelism(1);
        new ShadowOutput(settings).attach(env.fromData(Result.class, results));
        env.execute("shadow updates");
    }

    @Test
    void eachDecisionReachesItsThingsShadowAfterRetries() throws Exception {
        run(
                settings(""),
                result("room-1", true),
                result("throttled", false),
                result("flaky", true),
                result("rejected", true));

        assertThat(accepted)
                .containsExactlyInAnyOrder(
                        "room-1 {\"state\":{\"desired\":{\"roomOccupancy\":true}}}",
                        "throttled {\"state\":{\"desired\":{\"roomOccupancy\":false}}}",
                        "flaky {\"state\":{\"desired\":{\"roomOccupancy\":true}}}");
        assertThat(calls.get("throttled")).hasValue(2);
        assertThat(calls.get("flaky")).hasValue(3);
        // A request the service rejects as bad is not retried: no retry can fix it.
        assertThat(calls.get("rejected")).hasValue(1);
    }

    @Test
    void namedShadowIsAddressedByName() throws Exception {
        run(settings("occupancy"), result("room-2", false));

        assertThat(accepted)
                .containsExactly(
                        "room-2?name=occupancy"
                                + " {\"state\":{\"desired\":{\"roomOccupancy\":false}}}");
    }

    @Test
    void onlyTheNewestDecisionPerThingInABatchIsSent() {
        List<ShadowUpdate> batch =
                List.of(
                        new ShadowUpdate("a", 10, true),
                        new ShadowUpdate("b", 10, false),
                        new ShadowUpdate("a", 12, false),
                        new ShadowUpdate("a", 11, true));

        assertThat(ShadowUpdateWriter.newestPerThing(batch))
                .containsExactly(
                        new ShadowUpdate("a", 12, false), new ShadowUpdate("b", 10, false));
    }

    private static Result result(String thing, boolean occupied) {
        Result r = new Result();
        r.thingName = thing;
        r.timestamp = 1_700_000_000L;
        r.roomOccupancy = occupied;
        r.source = ScoreSource.MODEL;
        return r;
    }
}
