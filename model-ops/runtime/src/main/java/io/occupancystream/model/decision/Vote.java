package io.occupancystream.model.decision;

/** A device's latest say in its room's decision: a Flink POJO kept per device of a room. */
public class Vote {
    /** Epoch seconds of the reading the vote comes from. */
    public long timestamp;

    public double probability;
    public boolean occupied;

    /** How long the device had heard nothing loud at the reading ({@link QuietSpan}). */
    public long quietSeconds;

    public Vote() {}

    public Vote(long timestamp, double probability, boolean occupied, long quietSeconds) {
        this.timestamp = timestamp;
        this.probability = probability;
        this.occupied = occupied;
        this.quietSeconds = quietSeconds;
    }
}
