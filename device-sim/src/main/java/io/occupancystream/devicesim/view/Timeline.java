package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.results.ResultLine;
import java.util.TreeMap;

/**
 * A room's recent history in buckets of event time: at most {@code capacity} buckets, those within
 * {@code capacity × bucketSeconds} of the newest; a result older than that is left out. Not
 * thread-safe: the {@link RoomBoard} guards it.
 */
final class Timeline {
    private final long bucketSeconds;
    private final int capacity;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();

    Timeline(long bucketSeconds, int capacity) {
        this.bucketSeconds = bucketSeconds;
        this.capacity = capacity;
    }

    /** Adds a result, marking its bucket with {@code version}; false when it is too old to keep. */
    boolean add(ResultLine result, long version) {
        long start = Math.floorDiv(result.timestamp, bucketSeconds) * bucketSeconds;
        long oldestKept =
                oldestKept(buckets.isEmpty() ? start : Math.max(start, buckets.lastKey()));
        if (start < oldestKept) {
            return false;
        }
        buckets.computeIfAbsent(start, Bucket::new).add(result, version);
        buckets.headMap(oldestKept).clear();
        return true;
    }

    int size() {
        return buckets.size();
    }

    /** The buckets changed after {@code version}, oldest first. */
    ArrayNode toJson(long version, ArrayNode into) {
        for (Bucket bucket : buckets.values()) {
            if (bucket.version > version) {
                bucket.toJson(into.addObject());
            }
        }
        return into;
    }

    /** The first bucket start kept when {@code newest} is the newest. */
    private long oldestKept(long newest) {
        return newest - (capacity - 1) * bucketSeconds;
    }

    /** One bucket: what its results said, and the label and decision of the latest of them. */
    private static final class Bucket {
        final long start;
        long version;
        int results;
        int fallbacks;
        int scored;
        double scoreSum;
        int sounded;
        double soundSum;
        long latest = Long.MIN_VALUE;
        boolean decision;
        Boolean label;

        Bucket(long start) {
            this.start = start;
        }

        void add(ResultLine result, long version) {
            this.version = version;
            results++;
            if (result.isFallback()) {
                fallbacks++;
            }
            Double score = result.score();
            if (score != null) {
                scored++;
                scoreSum += score;
            }
            if (result.sound != null) {
                sounded++;
                soundSum += result.sound;
            }
            if (result.timestamp >= latest) {
                latest = result.timestamp;
                decision = result.roomOccupancy;
                label = result.reportedOccupancy;
            }
        }

        void toJson(ObjectNode json) {
            json.put("t", start);
            json.put("results", results);
            if (scored > 0) {
                json.put("score", scoreSum / scored);
            } else {
                json.putNull("score");
            }
            json.put("decision", decision);
            if (label == null) {
                json.putNull("label");
            } else {
                json.put("label", label);
            }
            if (sounded > 0) {
                json.put("sound", soundSum / sounded);
            } else {
                json.putNull("sound");
            }
            json.put("fallbacks", fallbacks);
        }
    }
}
