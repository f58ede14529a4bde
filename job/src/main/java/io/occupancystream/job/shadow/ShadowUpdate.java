package io.occupancystream.job.shadow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.results.Result;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The decision for one thing as the EduKit rule wrote it to the device shadow: {@code
 * {"state":{"desired":{"roomOccupancy":true}}}}, with the reading's timestamp to keep only the
 * newest decision per thing. The decision is the thing's room's, so every device of a room shows
 * the same occupancy.
 */
public final class ShadowUpdate implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public final String thingName;
    public final long timestamp;
    public final boolean roomOccupancy;

    public ShadowUpdate(String thingName, long timestamp, boolean roomOccupancy) {
        this.thingName = thingName;
        this.timestamp = timestamp;
        this.roomOccupancy = roomOccupancy;
    }

    public static ShadowUpdate of(Result result) {
        return new ShadowUpdate(result.thingName, result.timestamp, result.roomOccupancy);
    }

    /** The UpdateThingShadow payload. */
    public byte[] payload() {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("state").putObject("desired").put("roomOccupancy", roomOccupancy);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes buffered for this update, for the sink's batch limits. */
    long sizeInBytes() {
        return thingName.length() + 64L;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ShadowUpdate)) {
            return false;
        }
        ShadowUpdate that = (ShadowUpdate) o;
        return timestamp == that.timestamp
                && roomOccupancy == that.roomOccupancy
                && thingName.equals(that.thingName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(thingName, timestamp, roomOccupancy);
    }

    @Override
    public String toString() {
        return thingName + "@" + timestamp + "=" + roomOccupancy;
    }
}
