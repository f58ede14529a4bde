package io.occupancystream.devicesim.view;

import static io.occupancystream.devicesim.view.Results.deadLetter;
import static io.occupancystream.devicesim.view.Results.fallback;
import static io.occupancystream.devicesim.view.Results.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.devicesim.DeviceSim;
import io.occupancystream.devicesim.LocalKinesis;
import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.kinesis.KinesisStreams;
import io.occupancystream.devicesim.tail.StreamTail;
import io.occupancystream.job.reading.RejectReason;
import io.occupancystream.job.results.FallbackReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** The live view following the job's Kinesis streams, on kinesalite. */
class KinesisViewTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long T0 = 1_704_700_800L;

    @RegisterExtension static final LocalKinesis KINESIS = new LocalKinesis();

    private static void put(String stream, String partitionKey, String data) {
        KINESIS.client()
                .putRecord(
                        r ->
                                r.streamName(stream)
                                        .partitionKey(partitionKey)
                                        .data(SdkBytes.fromUtf8String(data)));
    }

    @Test
    void fromLatestOnlyRecordsPutAfterTheStartComeWithTheirArrivalTime() throws Exception {
        KinesisStreams.createActive(KINESIS.client(), "view-latest", 2, Duration.ofSeconds(10));
        put("view-latest", "t1", "before");
        List<String> lines = new CopyOnWriteArrayList<>();
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        KinesisFollower follower =
                new KinesisFollower(
                        new StreamTail(
                                KINESIS.client(),
                                "view-latest",
                                System::nanoTime,
                                Pacer.Sleeper.THREAD),
                        ShardIteratorType.LATEST,
                        (line, arrival) -> {
                            lines.add(line);
                            arrivals.add(arrival);
                            two.countDown();
                        });
        follower.poll(); // positions the shards at LATEST
        RoomBoard board = new RoomBoard(ViewSettings.defaults(), System::currentTimeMillis);
        Thread loop =
                new PollLoop("stream", follower, board, StreamTail.POLL, Pacer.Sleeper.THREAD)
                        .start();
        long putStart = System.currentTimeMillis();
        try {
            put("view-latest", "t1", "after-1");
            put("view-latest", "t2", "after-2");
            assertThat(two.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.interrupt();
            loop.join();
        }
        long putEnd = System.currentTimeMillis();

        assertThat(lines).containsExactlyInAnyOrder("after-1", "after-2");
        // Kinesis keeps arrival times to the millisecond at best; kinesalite to the second.
        assertThat(arrivals).allSatisfy(a -> assertThat(a).isBetween(putStart - 1000, putEnd));
    }

    @Test
    void theViewCommandShowsRoomsAndDeadLettersFromTheStreams() throws Exception {
        KinesisStreams.createActive(KINESIS.client(), "view-results", 2, Duration.ofSeconds(10));
        KinesisStreams.createActive(
                KINESIS.client(), "view-dead-letters", 1, Duration.ofSeconds(10));
        put("view-results", "t1", model("t1", "lab", T0, 0.9).toJson());
        put(
                "view-results",
                "t2",
                fallback("t2", "office", T0, false, FallbackReason.SERVER_ERROR).toJson());
        put("view-dead-letters", "x", deadLetter(RejectReason.MISSING_FIELD));

        ViewCommand command = new ViewCommand();
        new CommandLine(command)
                .parseArgs(
                        "--port", "0",
                        "--results-stream", "view-results",
                        "--dead-letter-stream", "view-dead-letters",
                        "--from", "TRIM_HORIZON",
                        "--endpoint-url", KINESIS.endpoint().toString());
        JsonNode state;
        try (LiveView view = command.start()) {
            state =
                    awaitState(
                            view,
                            s ->
                                    s.get("rooms").size() == 2
                                            && s.get("counts")
                                                            .get("deadLetters")
                                                            .get("total")
                                                            .size()
                                                    == 1);
        }

        assertThat(state.get("rooms").get(0).get("room").asText()).isEqualTo("lab");
        assertThat(state.get("rooms").get(0).get("occupied").asBoolean()).isTrue();
        JsonNode office = state.get("rooms").get(1);
        assertThat(office.get("room").asText()).isEqualTo("office");
        assertThat(office.get("source").asText()).isEqualTo("fallback");
        assertThat(office.get("fallbackReason").asText()).isEqualTo("SERVER_ERROR");
        assertThat(state.get("counts").get("deadLetters").get("total").toString())
                .isEqualTo("{\"MISSING_FIELD\":1}");
        assertThat(state.get("sources").get("stream view-results").get("records").asLong())
                .isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--port 0 | give --folder DIR, --results-stream NAME, --dead-letter-stream NAME or"
                        + " --shadows THING,...",
                "--shadows t1,t2 | --shadows needs --shadow-endpoint URL"
            })
    void withoutASourceOrTheShadowsEndpointItIsAUsageError(String args, String message) {
        StringWriter err = new StringWriter();
        String[] arguments = ("view " + args).split(" ");
        int exit = DeviceSim.commandLine().setErr(new PrintWriter(err)).execute(arguments);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith(message);
    }

    /** Reads /state until it satisfies {@code done}, for at most 20 s. */
    static JsonNode awaitState(LiveView view, java.util.function.Predicate<JsonNode> done)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode state;
        do {
            state =
                    MAPPER.readTree(
                            http.send(
                                            HttpRequest.newBuilder(view.url().resolve("/state"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body());
            if (done.test(state)) {
                return state;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the view did not get there in 20 s: " + state);
    }
}
