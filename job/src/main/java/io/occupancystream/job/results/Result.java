package io.occupancystream.job.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.reading.Reading;
import java.util.Objects;

/**
 * The job's decision for one reading: the reading's signals, the predicted {@code roomOccupancy}
 * and where it came from, and the reported label if the reading had one. {@code id} ({@code
 * thingName:timestamp}) is deterministic, so consumers of an at-least-once sink can de-duplicate.
 */
public class Result {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String thingName;
    public long timestamp;
    public double temperature;
    public double sound;
    public String hvacStatus;
    public boolean roomOccupancy;
    public Double probability;
    public ScoreSource source;
    public String modelVersion;
    public FallbackReason fallbackReason;
    public Boolean reportedOccupancy;

    public Result() {}

    public static Result of(Reading reading, Prediction prediction) {
        Result r = new Result();
        r.thingName = reading.thingName;
        r.timestamp = reading.timestamp;
        r.temperature = reading.temperature;
        r.sound = reading.sound;
        r.hvacStatus = reading.hvacStatus == null ? null : reading.hvacStatus.name();
        r.roomOccupancy = prediction.occupied;
        r.probability = prediction.probability;
        r.source = prediction.source;
        r.modelVersion = prediction.modelVersion;
        r.fallbackReason = prediction.fallbackReason;
        r.reportedOccupancy = reading.roomOccupancy;
        return r;
    }

    /** The id of the reading it decides: {@link Reading#id(String, long)}. */
    public String id() {
        return Reading.id(thingName, timestamp);
    }

    public String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", id());
        node.put("thingName", thingName);
        node.put("timestamp", timestamp);
        node.put("temperature", temperature);
        node.put("sound", sound);
        node.put("hvacStatus", hvacStatus);
        node.put("roomOccupancy", roomOccupancy);
        node.put("probability", probability);
        node.put("source", source == null ? null : source.label());
        node.put("modelVersion", modelVersion);
        node.put("fallbackReason", fallbackReason == null ? null : fallbackReason.name());
        node.put("reportedOccupancy", reportedOccupancy);
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Result)) {
            return false;
        }
        return toJson().equals(((Result) o).toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(thingName, timestamp, source == null ? null : source.label());
    }

    @Override
    public String toString() {
        return toJson();
    }
}
