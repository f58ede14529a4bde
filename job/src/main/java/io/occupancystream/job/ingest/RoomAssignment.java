package io.occupancystream.job.ingest;

import io.occupancystream.job.reading.ReadingJson;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which room a device's reading belongs to: the room the reading names (the IoT rule adds it from
 * the thing's registry attributes), else the room the settings' thing→room map gives the thing,
 * else the thing itself, so that a device nobody placed is a room of its own and decides as it did
 * before rooms existed. Immutable and thread-safe.
 */
public final class RoomAssignment implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> thingRooms;

    public RoomAssignment(Map<String, String> thingRooms) {
        this.thingRooms = Collections.unmodifiableMap(new LinkedHashMap<>(thingRooms));
    }

    /** The room of {@code thingName}'s reading, which named {@code declared} (null for none). */
    public String roomOf(String thingName, String declared) {
        if (declared != null) {
            return declared;
        }
        return thingRooms.getOrDefault(thingName, thingName);
    }

    /**
     * Reads {@code thing=room} pairs separated by commas or white space, such as {@code roe-s1=roe,
     * roe-s2=roe}; empty text is no pairs.
     *
     * @throws IllegalArgumentException naming the first pair that is not a thing name, {@code =}
     *     and a room, or a thing given twice
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> rooms = new LinkedHashMap<>();
        for (String pair : text.trim().split("[,\\s]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String thing = eq < 0 ? pair : pair.substring(0, eq);
            String room = eq < 0 ? "" : pair.substring(eq + 1);
            if (!ReadingJson.isThingName(thing) || !ReadingJson.isRoom(room)) {
                throw new IllegalArgumentException("'" + pair + "' is not thing=room");
            }
            if (rooms.put(thing, room) != null) {
                throw new IllegalArgumentException(thing + " is given a room twice");
            }
        }
        return rooms;
    }

    @Override
    public String toString() {
        return thingRooms.toString();
    }
}
