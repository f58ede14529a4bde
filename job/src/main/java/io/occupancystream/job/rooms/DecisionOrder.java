package io.occupancystream.job.rooms;

import io.occupancystream.job.ingest.SourceSettings;
import java.util.Locale;

/** In which order the rooms stage decides a room's results. */
public enum DecisionOrder {
    /**
     * As they arrive: right live, where devices publish in real time, so arrival order is event
     * time's, and nothing waits.
     */
    ARRIVAL,
    /**
     * In event time: each second's results once the watermark passes it, in thing-name order, so a
     * replay decides the same whatever the tasks' speeds.
     */
    EVENT_TIME;

    /** The order a source gets unless {@code rooms.order} names one. */
    public static DecisionOrder defaultFor(SourceSettings.Type source) {
        return source == SourceSettings.Type.KINESIS ? ARRIVAL : EVENT_TIME;
    }

    /** As written in the settings: {@code arrival}, {@code event-time}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
