package io.occupancystream.devicesim.view;

import static io.occupancystream.devicesim.view.Results.deadLetter;
import static io.occupancystream.devicesim.view.Results.fallback;
import static io.occupancystream.devicesim.view.Results.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.job.reading.RejectReason;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the live view makes of the job's results and dead letters, exactly. */
class RoomBoardTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SOURCE = "stream occupancy-results";
    private static final long T0 = 1_704_700_800L; // 2024-01-08T08:00:00Z

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final RoomBoard board =
            new RoomBoard(
                    new ViewSettings(
                            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1)),
                    clock::get);

    private void add(Result result, long arrivalMillis) {
        board.addResult(SOURCE, result.toJson(), arrivalMillis);
    }

    private JsonNode room(JsonNode snapshot, String name) {
        for (JsonNode room : snapshot.get("rooms")) {
            if (room.get("room").asText().equals(name)) {
                return room;
            }
        }
        throw new AssertionError("no room " + name + " in " + snapshot);
    }

    @Test
    void roomShowsItsNewestDecisionAndSinceWhenItHolds() {
        add(model("t1", "lab", T0, 0.2), 5_000);
        add(model("t1", "lab", T0 + 30, 0.8), 6_000);
        add(model("t1", "lab", T0 + 60, 0.9), 7_000);
        // An older result of another device (another shard) does not turn the room back.
        add(model("t2", "lab", T0 + 45, 0.1), 8_000);

        JsonNode lab = room(board.snapshot(0), "lab");
        assertThat(lab.get("occupied").asBoolean()).isTrue();
        assertThat(lab.get("since").asLong()).isEqualTo(T0 + 30);
        assertThat(lab.get("sinceArrival").asLong()).isEqualTo(6_000);
        assertThat(lab.get("score").asDouble()).isEqualTo(0.9);
        assertThat(lab.get("timestamp").asLong()).isEqualTo(T0 + 60);
        assertThat(lab.get("results").asLong()).isEqualTo(4);
        assertThat(lab.get("source").asText()).isEqualTo("model");
        assertThat(lab.get("modelVersion").asText()).isEqualTo(Results.MODEL_VERSION);
        assertThat(lab.get("fallbackReason").isNull()).isTrue();
    }

    @Test
    void devicesShowTheirOwnStateAndFreshnessByEventTimeAndArrival() {
        add(model("t1", "lab", T0, 0.7), clock.get() - 4_000);
        add(model("t2", "lab", T0 + 90, 0.3), clock.get() - 1_500);

        JsonNode devices = room(board.snapshot(0), "lab").get("devices");
        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).get("thingName").asText()).isEqualTo("t1");
        assertThat(devices.get(0).get("occupied").asBoolean()).isTrue();
        assertThat(devices.get(0).get("probability").asDouble()).isEqualTo(0.7);
        assertThat(devices.get(0).get("eventAgeSeconds").asLong()).isEqualTo(90);
        assertThat(devices.get(0).get("arrivalAgeMillis").asLong()).isEqualTo(4_000);
        assertThat(devices.get(1).get("thingName").asText()).isEqualTo("t2");
        assertThat(devices.get(1).get("occupied").asBoolean()).isFalse();
        assertThat(devices.get(1).get("eventAgeSeconds").asLong()).isZero();
        assertThat(devices.get(1).get("arrivalAgeMillis").asLong()).isEqualTo(1_500);
    }

    @Test
    void fallbackShowsItsReasonOnTheRoomAndTheDevice() {
        add(model("t1", "lab", T0, 0.9), 1);
        add(fallback("t1", "lab", T0 + 10, false, FallbackReason.NETWORK_ERROR), 2);

        JsonNode lab = room(board.snapshot(0), "lab");
        assertThat(lab.get("source").asText()).isEqualTo("fallback");
        assertThat(lab.get("fallbackReason").asText()).isEqualTo("NETWORK_ERROR");
        assertThat(lab.get("occupied").asBoolean()).isFalse();
        assertThat(lab.get("score").isNull()).isTrue();
        JsonNode device = lab.get("devices").get(0);
        assertThat(device.get("source").asText()).isEqualTo("fallback");
        assertThat(device.get("fallbackReason").asText()).isEqualTo("NETWORK_ERROR");
    }

    @Test
    void aResultWithoutRoomIsItsThingsOwnRoom() {
        add(model("t9", null, T0, 0.6), 1);

        assertThat(room(board.snapshot(0), "t9").get("devices").get(0).get("thingName").asText())
                .isEqualTo("t9");
    }

    @Test
    void fallbackRateAndDeadLettersByReasonInTotalAndOverTheRecentWindow() {
        add(model("t1", "lab", T0, 0.9), 1);
        add(fallback("t1", "lab", T0 + 1, true, FallbackReason.TIMEOUT), 1);
        board.addDeadLetter("dl", deadLetter(RejectReason.MALFORMED_JSON));
        clock.addAndGet(61_000);
        add(model("t1", "lab", T0 + 2, 0.9), 1);
        add(model("t1", "lab", T0 + 3, 0.9), 1);
        add(model("t1", "lab", T0 + 4, 0.9), 1);
        add(fallback("t1", "lab", T0 + 5, true, FallbackReason.CIRCUIT_OPEN), 1);
        board.addDeadLetter("dl", deadLetter(RejectReason.MALFORMED_JSON));
        board.addDeadLetter("dl", deadLetter(RejectReason.NEGATIVE_SOUND));

        JsonNode counts = board.snapshot(0).get("counts");
        assertThat(counts.get("recentSeconds").asLong()).isEqualTo(60);
        assertThat(counts.get("results").toString())
                .isEqualTo(
                        "{\"total\":{\"fallback\":2,\"model\":4},"
                                + "\"recent\":{\"fallback\":1,\"model\":3}}");
        assertThat(counts.get("fallbackRate").get("total").asDouble()).isEqualTo(2.0 / 6);
        assertThat(counts.get("fallbackRate").get("recent").asDouble()).isEqualTo(0.25);
        assertThat(counts.get("fallbackReasons").toString())
                .isEqualTo(
                        "{\"total\":{\"CIRCUIT_OPEN\":1,\"TIMEOUT\":1},"
                                + "\"recent\":{\"CIRCUIT_OPEN\":1}}");
        assertThat(counts.get("deadLetters").toString())
                .isEqualTo(
                        "{\"total\":{\"MALFORMED_JSON\":2,\"NEGATIVE_SOUND\":1},"
                                + "\"recent\":{\"MALFORMED_JSON\":1,\"NEGATIVE_SOUND\":1}}");

        clock.addAndGet(60_000);
        JsonNode quiet = board.snapshot(0).get("counts");
        assertThat(quiet.get("fallbackRate").get("recent").isNull()).isTrue();
        assertThat(quiet.get("deadLetters").get("recent").toString()).isEqualTo("{}");
    }

    @Test
    void aRepeatedResultIsCountedAndLeftOut() {
        Result result = model("t1", "lab", T0, 0.9);
        add(result, 1);
        add(result, 2);

        JsonNode snapshot = board.snapshot(0);
        assertThat(snapshot.get("counts").get("repeats").asLong()).isEqualTo(1);
        assertThat(room(snapshot, "lab").get("results").asLong()).isEqualTo(1);
        assertThat(snapshot.get("counts").get("results").get("total").toString())
                .isEqualTo("{\"model\":1}");
    }

    @Test
    void unreadableLinesAreCountedPerSource() {
        board.addResult(SOURCE, "not json", 1);
        board.addResult(SOURCE, "{\"thingName\":\"t1\"}", 1);
        board.addDeadLetter("dl", "[]");

        JsonNode sources = board.snapshot(0).get("sources");
        assertThat(sources.get(SOURCE).get("records").asLong()).isZero();
        assertThat(sources.get(SOURCE).get("unreadable").asLong()).isEqualTo(2);
        assertThat(sources.get(SOURCE).get("lastUnreadable").asText()).isEqualTo("no timestamp");
        assertThat(sources.get("dl").get("unreadable").asLong()).isEqualTo(1);
        assertThat(board.snapshot(0).get("rooms")).isEmpty();
    }

    @Test
    void timelineKeepsTheNewestBucketsOnly() {
        // Buckets of 10 s over 30 s: at most three per room.
        add(model("t1", "lab", T0 + 1, 0.2), 1);
        add(model("t1", "lab", T0 + 5, 0.4), 1);
        add(model("t1", "lab", T0 + 12, 0.9), 1);
        add(model("t1", "lab", T0 + 25, 0.6), 1);
        add(model("t1", "lab", T0 + 31, 0.1), 1);
        // Older than the three kept buckets: counted, but not in the timeline.
        add(model("t2", "lab", T0 + 3, 0.9), 1);

        JsonNode timeline = room(board.snapshot(0), "lab").get("timeline");
        List<Long> starts = new ArrayList<>();
        timeline.forEach(point -> starts.add(point.get("t").asLong()));
        assertThat(starts).containsExactly(T0 + 10, T0 + 20, T0 + 30);
        JsonNode first = timeline.get(0);
        assertThat(first.get("results").asInt()).isEqualTo(1);
        assertThat(first.get("score").asDouble()).isEqualTo(0.9);
        assertThat(first.get("decision").asBoolean()).isTrue();
        assertThat(first.get("label").isNull()).isTrue();
        assertThat(first.get("sound").asDouble()).isEqualTo(10.0);
        assertThat(room(board.snapshot(0), "lab").get("results").asLong()).isEqualTo(6);
    }

    @Test
    void timelineBucketAveragesScoreAndSoundAndKeepsTheLatestDecisionAndLabel() {
        Result quiet = model("t1", "lab", T0 + 1, 0.2);
        quiet.reportedOccupancy = false;
        quiet.sound = 2;
        Result loud = model("t2", "lab", T0 + 7, 0.8);
        loud.reportedOccupancy = true;
        loud.sound = 30;
        add(loud, 1);
        add(quiet, 1);
        add(fallback("t3", "lab", T0 + 4, false, FallbackReason.TIMEOUT), 1);

        JsonNode point = room(board.snapshot(0), "lab").get("timeline").get(0);
        assertThat(point.toString())
                .isEqualTo(
                        "{\"t\":"
                                + T0
                                + ",\"results\":3,\"score\":0.5,\"decision\":true,"
                                + "\"label\":true,\"sound\":11.0,\"fallbacks\":1}");
    }

    @Test
    void snapshotSinceAVersionHoldsOnlyWhatChangedAfterIt() {
        add(model("t1", "lab", T0, 0.9), 1);
        add(model("t2", "office", T0, 0.1), 1);
        long version = board.snapshot(0).get("version").asLong();
        add(model("t2", "office", T0 + 15, 0.8), 1);

        JsonNode delta = board.snapshot(version);
        assertThat(delta.get("version").asLong()).isEqualTo(version + 1);
        assertThat(delta.get("rooms")).hasSize(1);
        JsonNode office = delta.get("rooms").get(0);
        assertThat(office.get("room").asText()).isEqualTo("office");
        assertThat(office.get("timeline")).hasSize(1);
        assertThat(office.get("timeline").get(0).get("t").asLong()).isEqualTo(T0 + 10);
        assertThat(board.snapshot(version + 1).get("rooms")).isEmpty();
    }

    @Test
    void shadowsShowOnTheirDevicesAndOnTheirOwn() throws Exception {
        add(model("t1", "lab", T0, 0.9), 1);
        long version = board.version();
        board.addShadow(ShadowState.decided("t1", true, T0 + 2, 7L, 123));
        board.addShadow(ShadowState.failed("t5", "no shadow yet", 124));

        JsonNode delta = board.snapshot(version);
        assertThat(room(delta, "lab").get("devices").get(0).get("shadow").toString())
                .isEqualTo(
                        "{\"thingName\":\"t1\",\"occupied\":true,\"recordedAt\":"
                                + (T0 + 2)
                                + ",\"version\":7,\"error\":null,\"polledAt\":123}");
        assertThat(delta.get("shadows")).hasSize(2);
        assertThat(MAPPER.writeValueAsString(delta.get("shadows").get(1)))
                .isEqualTo(
                        "{\"thingName\":\"t5\",\"occupied\":null,\"recordedAt\":null,"
                                + "\"version\":null,\"error\":\"no shadow yet\",\"polledAt\":124}");
    }
}
