package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts by key, in total and over the last {@code windowSeconds} of the view's clock, in one slot
 * per second (so at most {@code windowSeconds} slots). Not thread-safe: the {@link RoomBoard}
 * guards it.
 */
final class RecentCounts {
    private final long windowSeconds;
    private final Map<String, Long> total = new TreeMap<>();
    private final Deque<Slot> slots = new ArrayDeque<>();

    RecentCounts(long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    void add(String key, long nowMillis) {
        total.merge(key, 1L, Long::sum);
        long second = Math.floorDiv(nowMillis, 1000);
        if (slots.isEmpty() || slots.peekLast().second != second) {
            slots.addLast(new Slot(second));
        }
        slots.peekLast().counts.merge(key, 1L, Long::sum);
        expire(second);
    }

    Map<String, Long> totals() {
        return total;
    }

    long total(String key) {
        return total.getOrDefault(key, 0L);
    }

    /** The counts of the last {@code windowSeconds} seconds up to {@code nowMillis}. */
    Map<String, Long> recent(long nowMillis) {
        expire(Math.floorDiv(nowMillis, 1000));
        Map<String, Long> recent = new TreeMap<>();
        for (Slot slot : slots) {
            slot.counts.forEach((key, count) -> recent.merge(key, count, Long::sum));
        }
        return recent;
    }

    void toJson(ObjectNode json, long nowMillis) {
        ObjectNode all = json.putObject("total");
        total.forEach(all::put);
        ObjectNode recent = json.putObject("recent");
        recent(nowMillis).forEach(recent::put);
    }

    private void expire(long nowSecond) {
        while (!slots.isEmpty() && slots.peekFirst().second <= nowSecond - windowSeconds) {
            slots.removeFirst();
        }
    }

    private static final class Slot {
        final long second;
        final Map<String, Long> counts = new TreeMap<>();

        Slot(long second) {
            this.second = second;
        }
    }
}
