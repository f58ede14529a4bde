package io.occupancystream.model.decision;

/** What {@link RoomDecider} decided on one result. Immutable. */
public final class RoomDecision {
    /** The device's own decision under its rule. */
    public final boolean deviceOccupancy;

    /** The room's decision: its fresh devices fused, under the room's rule. */
    public final boolean roomOccupancy;

    /** The fused value the room's rule took. */
    public final double roomScore;

    /** How many of the room's devices were fresh and voted. */
    public final int roomVoters;

    public RoomDecision(
            boolean deviceOccupancy, boolean roomOccupancy, double roomScore, int roomVoters) {
        this.deviceOccupancy = deviceOccupancy;
        this.roomOccupancy = roomOccupancy;
        this.roomScore = roomScore;
        this.roomVoters = roomVoters;
    }

    @Override
    public String toString() {
        return "device "
                + deviceOccupancy
                + ", room "
                + roomOccupancy
                + " (score "
                + roomScore
                + " of "
                + roomVoters
                + ")";
    }
}
