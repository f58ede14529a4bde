package io.occupancystream.job.rooms;

import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.config.Setting;
import io.occupancystream.job.config.SettingType;
import io.occupancystream.job.ingest.RoomAssignment;
import io.occupancystream.job.ingest.SourceSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which room each device is in, how long a quiet device still votes in its room, in which order a
 * room's results are decided, and, in event-time order, how long a result may wait.
 */
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

    /** Empty for the source's default. */
    private static final SettingType<Optional<DecisionOrder>> ORDER_OR_NONE =
            value -> {
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                for (DecisionOrder order : DecisionOrder.values()) {
                    if (order.label().equals(value)) {
                        return Optional.of(order);
                    }
                }
                throw new SettingType.Rejected("arrival or event-time, or nothing for the default");
            };

    public static final Setting<Optional<DecisionOrder>> ORDER =
            Setting.of(
                    GROUP,
                    "order",
                    "",
                    ORDER_OR_NONE,
                    "In which order a room's results are decided: arrival (each at once, as it"
                            + " arrives) or event-time (each second's results once the watermark"
                            + " passes it, in thing-name order, so a replay decides the same at any"
                            + " parallelism and however far one task runs ahead). Empty: arrival"
                            + " for source.type=kinesis, where devices publish in real time,"
                            + " event-time for a replay; a value here wins.");

    /** Empty for the source's default. */
    private static final SettingType<Optional<Duration>> DURATION_OR_NONE =
            value ->
                    value.isEmpty()
                            ? Optional.empty()
                            : Optional.of(SettingType.NON_NEGATIVE_DURATION.parse(value));

    /** What a live source waits at most for the watermark, unless {@link #MAX_WAIT} says. */
    static final Duration LIVE_MAX_WAIT = Duration.ofSeconds(10);

    public static final Setting<Optional<Duration>> MAX_WAIT =
            Setting.of(
                    GROUP,
                    "max-wait",
                    "",
                    DURATION_OR_NONE,
                    "With rooms.order=event-time, the longest a result waits for the watermark, in"
                            + " processing time: then its second and every earlier one still"
                            + " waiting are decided, in event-time order, and later results of"
                            + " those seconds at once. 0 s waits for the watermark alone. Empty: "
                            + LIVE_MAX_WAIT.getSeconds()
                            + " s for source.type=kinesis, whose watermark stands still while no"
                            + " device publishes, and 0 s for a replay, whose end lets every"
                            + " result go and whose decisions must not depend on its speed.");

    public static final List<Setting<?>> SETTINGS = List.of(MAP, FRESHNESS, ORDER, MAX_WAIT);

    public final RoomAssignment assignment;
    public final Duration freshness;
    public final DecisionOrder order;

    /** With {@link DecisionOrder#EVENT_TIME}, the longest a result waits; 0 for no limit. */
    public final Duration maxWait;

    public RoomSettings(
            RoomAssignment assignment, Duration freshness, DecisionOrder order, Duration maxWait) {
        this.assignment = assignment;
        this.freshness = freshness;
        this.order = order;
        this.maxWait = maxWait;
    }

    public static RoomSettings from(PropertyGroups p) {
        SourceSettings.Type source = SourceSettings.TYPE.from(p);
        return new RoomSettings(
                new RoomAssignment(MAP.from(p)),
                FRESHNESS.from(p),
                ORDER.from(p).orElse(DecisionOrder.defaultFor(source)),
                MAX_WAIT.from(p)
                        .orElse(
                                source == SourceSettings.Type.KINESIS
                                        ? LIVE_MAX_WAIT
                                        : Duration.ZERO));
    }
}
