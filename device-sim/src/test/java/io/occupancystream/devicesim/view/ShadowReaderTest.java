package io.occupancystream.devicesim.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.occupancystream.model.aws.AwsEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * Reading room decisions from device shadows, against a local server that answers as AWS documents
 * GetThingShadow: AWS IoT API Reference, "GetThingShadow"
 * (https://docs.aws.amazon.com/iot/latest/apireference/API_iotdata_GetThingShadow.html): {@code GET
 * /things/thingName/shadow?name=shadowName}, no body; HTTP 200 with the shadow document as the
 * body; errors with a {@code message} (the messages here are made up: the reference gives none),
 * e.g. 404 ResourceNotFoundException and 401 UnauthorizedException. The document's shape: AWS IoT
 * Core Developer Guide, "Device Shadow service documents"
 * (https://docs.aws.amazon.com/iot/latest/developerguide/device-shadow-document.html): {@code
 * state.desired}, {@code metadata.desired.<key>.timestamp} (epoch seconds), {@code version}, {@code
 * timestamp}.
 */
class ShadowReaderTest {
    private static final String DOCUMENT =
            "{\"state\":{\"desired\":{\"roomOccupancy\":true},"
                    + "\"reported\":{\"temperature\":70.1,\"sound\":12},"
                    + "\"delta\":{\"roomOccupancy\":true}},"
                    + "\"metadata\":{\"desired\":{\"roomOccupancy\":{\"timestamp\":1764645123}},"
                    + "\"reported\":{\"temperature\":{\"timestamp\":1764645120},"
                    + "\"sound\":{\"timestamp\":1764645120}}},"
                    + "\"version\":4711,\"timestamp\":1764645130}";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private IotDataPlaneClient iotData;
    private RoomBoard board;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        iotData =
                AwsEndpoint.local(endpoint, "test", "test")
                        .configure(IotDataPlaneClient.builder())
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build();
        board = new RoomBoard(ViewSettings.defaults(), () -> 42L);
    }

    @AfterEach
    void stop() {
        iotData.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(
                exchange.getRequestMethod()
                        + " "
                        + path
                        + (query == null ? "" : "?" + query)
                        + " body="
                        + body.length
                        + " signed="
                        + exchange.getRequestHeaders()
                                .getFirst("Authorization")
                                .startsWith("AWS4-HMAC-SHA256"));
        int status;
        String answer;
        String errorType = null;
        if (path.equals("/things/decided/shadow")) {
            status = 200;
            answer = DOCUMENT;
        } else if (path.equals("/things/reporting-only/shadow")) {
            status = 200;
            answer =
                    "{\"state\":{\"reported\":{\"sound\":3}},"
                            + "\"metadata\":{\"reported\":{\"sound\":{\"timestamp\":1764645120}}},"
                            + "\"version\":2,\"timestamp\":1764645130}";
        } else if (path.equals("/things/unknown/shadow")) {
            status = 404;
            errorType = "ResourceNotFoundException";
            answer = "{\"message\":\"test message: not found\"}";
        } else {
            status = 401;
            errorType = "UnauthorizedException";
            answer = "{\"message\":\"test message: not authorized\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private JsonNode shadows(String shadowName, String... things) {
        new ShadowReader(iotData, shadowName, List.of(things), board, () -> 42L).poll();
        return board.snapshot(0).get("shadows");
    }

    @Test
    void readsTheRoomDecisionTheJobWroteToTheDesiredState() {
        JsonNode shadows = shadows(null, "decided");

        assertThat(requests).containsExactly("GET /things/decided/shadow body=0 signed=true");
        assertThat(shadows.get(0).toString())
                .isEqualTo(
                        "{\"thingName\":\"decided\",\"occupied\":true,\"recordedAt\":1764645123,"
                                + "\"version\":4711,\"error\":null,\"polledAt\":42}");
    }

    @Test
    void readsANamedShadowWithItsName() {
        shadows("rooms", "decided");

        assertThat(requests)
                .containsExactly("GET /things/decided/shadow?name=rooms body=0 signed=true");
    }

    @Test
    void aShadowWithoutADecisionShowsNone() {
        JsonNode shadow = shadows(null, "reporting-only").get(0);

        assertThat(shadow.get("occupied").isNull()).isTrue();
        assertThat(shadow.get("recordedAt").isNull()).isTrue();
        assertThat(shadow.get("version").asLong()).isEqualTo(2);
        assertThat(shadow.get("error").isNull()).isTrue();
    }

    @Test
    void noShadowYetAndRefusedAccessAreShownNotThrown() {
        JsonNode shadows = shadows(null, "unknown", "forbidden");

        assertThat(shadows.get(0).get("thingName").asText()).isEqualTo("forbidden");
        assertThat(shadows.get(0).get("error").asText())
                .isEqualTo("401 UnauthorizedException: test message: not authorized");
        assertThat(shadows.get(1).get("error").asText())
                .isEqualTo(
                        "no shadow yet (ResourceNotFoundException): the job has not decided for"
                                + " it");
    }
}
