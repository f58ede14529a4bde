package io.occupancystream.job.rooms;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import io.occupancystream.job.ingest.RoomAssignment;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Which room each device is in, and how long a quiet device still votes in its room. */
public final class RoomSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String GROUP = "rooms";

    private static final SettingType<Map<String, String>> THING_ROOMS =
            value -> {
                try {
                    return RoomAssignment.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new SettingType.Rejected(
                            "thing=room pairs separated by commas or spaces, each thing once ("
                                    + e.getMessage()
                                    + ")");
                }
            };

    public static final Setting<Map<String, String>> MAP =
            Setting.of(
                    GROUP,
                    "map",
                    "",
                    THING_ROOMS,
                    "The room of each thing whose readings name none, as thing=room pairs"
                            + " separated by commas or spaces (roe-s1=roe, roe-s2=roe). A reading's"
                            + " own room field (the IoT rule adds it from the thing's registry"
                            + " attribute) wins; a thing in neither is a room of its own.");
    public static final Setting<Duration> FRESHNESS =
            Setting.of(
                    GROUP,
                    "freshness",
                    "2 min",
                    SettingType.POSITIVE_DURATION,
                    "A device whose newest reading is older than this, in event time, no longer"
                            + " votes in its room's decision. The model card's room rule, when it"
                            + " names a freshness, wins.");

    public static final List<Setting<?>> SETTINGS = List.of(MAP, FRESHNESS);

    public final RoomAssignment assignment;
    public final Duration freshness;

    public RoomSettings(RoomAssignment assignment, Duration freshness) {
        this.assignment = assignment;
        this.freshness = freshness;
    }

    public static RoomSettings from(PropertyGroups p) {
        return new RoomSettings(new RoomAssignment(MAP.from(p)), FRESHNESS.from(p));
    }
}
