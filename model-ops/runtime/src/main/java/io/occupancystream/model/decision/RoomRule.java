package io.occupancystream.model.decision;

import java.io.Serializable;

/**
 * How a room decides from its devices: the devices that voted within {@link #freshnessSeconds} are
 * fused by {@link #method} into one value, which the room's own {@link #decision} latches. A room
 * of one device with {@code MEAN} and the device's rule decides exactly as the device.
 */
public class RoomRule implements Serializable {
    private static final long serialVersionUID = 1L;

    public FusionMethod method = FusionMethod.MEAN;
    public DecisionRule decision;

    /** A device whose newest vote is older than this (in event time) no longer votes. */
    public long freshnessSeconds;

    public RoomRule() {}

    public RoomRule(FusionMethod method, DecisionRule decision, long freshnessSeconds) {
        this.method = method;
        this.decision = decision;
        this.freshnessSeconds = freshnessSeconds;
    }

    /**
     * The room's value at {@code now} (epoch seconds) from its devices' newest votes; votes older
     * than the freshness window are left out, and with none left the value is {@code NaN}.
     */
    public double fuse(Iterable<Vote> votes, long now) {
        int fresh = 0;
        double sum = 0;
        double max = 0;
        int occupied = 0;
        for (Vote v : votes) {
            if (now - v.timestamp > freshnessSeconds) {
                continue;
            }
            fresh++;
            sum += v.probability;
            max = Math.max(max, v.probability);
            occupied += v.occupied ? 1 : 0;
        }
        if (fresh == 0) {
            return Double.NaN;
        }
        switch (method) {
            case MAX:
                return max;
            case VOTE:
                return occupied / (double) fresh;
            default:
                return sum / fresh;
        }
    }

    @Override
    public String toString() {
        return method + " of devices fresh within " + freshnessSeconds + " s, then " + decision;
    }
}
