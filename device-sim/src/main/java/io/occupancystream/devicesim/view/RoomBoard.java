package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.model.results.ResultLine;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Folds the job's results, dead letters and device shadows into what the live view shows: per room
 * the current decision, since when, its devices and a bounded timeline; dead letters by reason and
 * results by source, in total and over a recent window. Every change raises a version, so a reader
 * can ask only for what changed after the version it has. Thread-safe: every method holds the
 * board's lock.
 *
 * <p>Results are at least once on Kinesis: a result whose id is among the last {@value
 * #REMEMBERED_IDS} is a repeat, counted and left out.
 */
public final class RoomBoard {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How many result ids the board remembers to spot repeats (a few MB). */
    static final int REMEMBERED_IDS = 100_000;

    private final ViewSettings settings;
    private final LongSupplier clockMillis;
    private final Map<String, RoomState> rooms = new TreeMap<>();
    private final Map<String, ShadowState> shadows = new TreeMap<>();
    private final Map<String, Long> shadowVersions = new TreeMap<>();
    private final Map<String, SourceStatus> sources = new TreeMap<>();
    private final RecentCounts resultsBySource;
    private final RecentCounts fallbacksByReason;
    private final RecentCounts deadLettersByReason;
    private final RecentIds seen = new RecentIds(REMEMBERED_IDS);
    private long version;
    private long eventTime;
    private long repeats;

    public RoomBoard(ViewSettings settings, LongSupplier clockMillis) {
        this.settings = settings;
        this.clockMillis = clockMillis;
        long window = settings.recentWindow.toSeconds();
        resultsBySource = new RecentCounts(window);
        fallbacksByReason = new RecentCounts(window);
        deadLettersByReason = new RecentCounts(window);
    }

    /**
     * Folds in one line of the results from {@code source}, which reached it at {@code arrival}.
     */
    public synchronized void addResult(String source, String line, long arrivalMillis) {
        ResultLine result;
        try {
            result = ResultLine.parse(line);
        } catch (IllegalArgumentException unreadable) {
            source(source).unreadable(unreadable.getMessage());
            version++;
            return;
        }
        source(source).read();
        RoomState room =
                rooms.computeIfAbsent(
                        result.room,
                        name ->
                                new RoomState(
                                        name,
                                        new Timeline(
                                                settings.bucket.toSeconds(),
                                                settings.timelineBuckets())));
        version++;
        if (!seen.add(Reading.id(result.thingName, result.timestamp))) {
            repeats++;
            return;
        }
        long now = clockMillis.getAsLong();
        eventTime = Math.max(eventTime, result.timestamp);
        room.add(result, arrivalMillis, version);
        resultsBySource.add(result.source, now);
        if (result.isFallback()) {
            fallbacksByReason.add(String.valueOf(result.fallbackReason), now);
        }
    }

    /** Folds in one line of the dead letters from {@code source}. */
    public synchronized void addDeadLetter(String source, String line) {
        String reason;
        try {
            reason = DeadLetterLine.reason(line);
        } catch (IllegalArgumentException unreadable) {
            source(source).unreadable(unreadable.getMessage());
            version++;
            return;
        }
        source(source).read();
        deadLettersByReason.add(reason, clockMillis.getAsLong());
        version++;
    }

    /** The newest answer of a thing's shadow. */
    public synchronized void addShadow(ShadowState shadow) {
        version++;
        shadows.put(shadow.thingName, shadow);
        shadowVersions.put(shadow.thingName, version);
        for (RoomState room : rooms.values()) {
            if (room.devices.containsKey(shadow.thingName)) {
                room.version = version;
            }
        }
    }

    /** A source could not be read; cleared by its next successful {@link #sourceReached}. */
    public synchronized void sourceFailed(String source, String error) {
        source(source).error = error;
        version++;
    }

    /** A source answered (possibly with nothing new). */
    public synchronized void sourceReached(String source) {
        SourceStatus status = source(source);
        if (status.error != null) {
            status.error = null;
            version++;
        }
    }

    public synchronized long version() {
        return version;
    }

    /**
     * The board as JSON: the rooms, shadows and timeline buckets changed after {@code since} (0:
     * all), the counts and sources whole. Its {@code version} is the {@code since} of the next
     * call.
     */
    public synchronized ObjectNode snapshot(long since) {
        long now = clockMillis.getAsLong();
        ObjectNode json = MAPPER.createObjectNode();
        json.put("version", version);
        json.put("now", now);
        json.put("eventTime", eventTime);
        json.put("bucketSeconds", settings.bucket.toSeconds());
        json.put("timelineBuckets", settings.timelineBuckets());
        ArrayNode roomList = json.putArray("rooms");
        for (RoomState room : rooms.values()) {
            if (room.version > since) {
                room.toJson(roomList.addObject(), since, eventTime, now, shadows);
            }
        }
        ArrayNode shadowList = json.putArray("shadows");
        shadows.forEach(
                (thing, shadow) -> {
                    if (shadowVersions.get(thing) > since) {
                        shadow.toJson(shadowList.addObject());
                    }
                });
        countsToJson(json.putObject("counts"), now);
        ObjectNode sourceList = json.putObject("sources");
        sources.forEach((name, status) -> status.toJson(sourceList.putObject(name)));
        return json;
    }

    private void countsToJson(ObjectNode json, long now) {
        json.put("recentSeconds", settings.recentWindow.toSeconds());
        json.put("repeats", repeats);
        resultsBySource.toJson(json.putObject("results"), now);
        fallbacksByReason.toJson(json.putObject("fallbackReasons"), now);
        deadLettersByReason.toJson(json.putObject("deadLetters"), now);
        ObjectNode rate = json.putObject("fallbackRate");
        putRate(rate, "total", total(resultsBySource.totals()), resultsBySource.total("fallback"));
        Map<String, Long> recent = resultsBySource.recent(now);
        putRate(rate, "recent", total(recent), recent.getOrDefault("fallback", 0L));
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void putRate(ObjectNode json, String field, long results, long fallbacks) {
        if (results == 0) {
            json.putNull(field);
        } else {
            json.put(field, (double) fallbacks / results);
        }
    }

    private SourceStatus source(String name) {
        return sources.computeIfAbsent(name, n -> new SourceStatus());
    }

    /** How reading one source goes. */
    private static final class SourceStatus {
        long records;
        long unreadable;
        String lastUnreadable;
        String error;

        void read() {
            records++;
        }

        void unreadable(String why) {
            unreadable++;
            lastUnreadable = why;
        }

        void toJson(ObjectNode json) {
            json.put("records", records);
            json.put("unreadable", unreadable);
            json.put("lastUnreadable", lastUnreadable);
            json.put("error", error);
        }
    }
}
