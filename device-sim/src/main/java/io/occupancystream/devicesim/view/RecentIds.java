package io.occupancystream.devicesim.view;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The ids of the last {@code capacity} results, to tell a repeat (the Kinesis sinks are at least
 * once) from a new result. Not thread-safe: the {@link RoomBoard} guards it.
 */
final class RecentIds {
    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();

    RecentIds(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers {@code id}; false when it was already among the last {@code capacity}. */
    boolean add(String id) {
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacity) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
