package io.occupancystream.model.decision;

/** How the fresh devices of a room become one value in [0, 1] for the room's {@link Latch}. */
public enum FusionMethod {
    /** The mean of the devices' probabilities. */
    MEAN,
    /** The highest probability: any device that hears people counts. */
    MAX,
    /** The share of devices whose own decision is occupied (k of n is a share of k / n). */
    VOTE
}
