package io.occupancystream.devicesim.view;

import static io.occupancystream.devicesim.view.Results.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live view's server: the board as JSON, its changes as server-sent events, the page. */
class ViewServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long T0 = 1_704_700_800L;

    private final HttpClient http = HttpClient.newHttpClient();
    private RoomBoard board;
    private ViewServer server;

    @BeforeEach
    void start() {
        board = new RoomBoard(ViewSettings.defaults(), System::currentTimeMillis);
        server = new ViewServer(board, Duration.ofMillis(50)).start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stateIsTheBoardAsJson() throws Exception {
        board.addResult("s", model("t1", "lab", T0, 0.9).toJson(), 1);

        HttpResponse<String> response = get("/state");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode state = MAPPER.readTree(response.body());
        assertThat(state.get("rooms").get(0).get("room").asText()).isEqualTo("lab");
        assertThat(state.get("rooms").get(0).get("occupied").asBoolean()).isTrue();
        assertThat(MAPPER.readTree(get("/state?since=" + board.version()).body()).get("rooms"))
                .isEmpty();
    }

    @Test
    void eventsDeliverANewResultAfterTheVersionTheBrowserHas() throws Exception {
        board.addResult("s", model("t1", "lab", T0, 0.2).toJson(), 1);
        long since = board.version();
        HttpResponse<Stream<String>> events =
                http.send(
                        HttpRequest.newBuilder(server.url().resolve("/events?since=" + since))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertThat(events.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Iterator<String> lines = events.body().iterator();

        board.addResult("s", model("t1", "lab", T0 + 20, 0.8).toJson(), 2);

        CompletableFuture<JsonNode> changed =
                CompletableFuture.supplyAsync(() -> firstEventWithARoom(lines));
        JsonNode update = changed.get(10, TimeUnit.SECONDS);
        events.body().close();
        JsonNode lab = update.get("rooms").get(0);
        assertThat(lab.get("occupied").asBoolean()).isTrue();
        assertThat(lab.get("since").asLong()).isEqualTo(T0 + 20);
        assertThat(lab.get("timeline")).hasSize(1);
        assertThat(lab.get("timeline").get(0).get("t").asLong()).isEqualTo(T0 + 20);
        assertThat(update.get("version").asLong()).isEqualTo(board.version());
    }

    /** Reads server-sent events until one says a room changed; every event is a whole board. */
    private static JsonNode firstEventWithARoom(Iterator<String> lines) {
        String event = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event: ")) {
                event = line.substring("event: ".length());
            } else if (line.startsWith("data: ")) {
                assertThat(event).isEqualTo("board");
                try {
                    JsonNode data = MAPPER.readTree(line.substring("data: ".length()));
                    if (!data.get("rooms").isEmpty()) {
                        return data;
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("the event stream ended");
    }

    @Test
    void thePageAndItsAssetsComeFromTheJarAndNothingFromElsewhere() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));

        List<String> assets = new ArrayList<>();
        Matcher reference = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page.body());
        while (reference.find()) {
            assets.add(reference.group(1));
        }
        assertThat(assets)
                .containsExactly(
                        "/favicon.svg",
                        "/webjars/uplot/1.6.30/dist/uPlot.min.css",
                        "/view.css",
                        "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                        "/view.js");
        for (String asset : assets) {
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotBlank();
            assertThat(URI.create(asset).getHost()).as(asset).isNull();
        }
        assertThat(get("/view.js").body()).doesNotContain("http://", "https://");
    }
}
