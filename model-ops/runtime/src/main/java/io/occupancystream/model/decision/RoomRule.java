package io.occupancystream.model.decision;

import java.io.Serializable;

/**
 * How a room decides from its devices: the devices that voted within {@link #freshnessSeconds} are
 * fused by {@link #method} into one value, which the room's own {@link #decision} latches. A room
 * of one device with {@code MEAN} and the device's rule decides exactly as the device.
 *
 * <p>With {@link #quietSeconds} set, a room whose fresh devices, two or more, have all heard
 * nothing loud for that long scores 0, whatever their probabilities. A device's probability stays
 * high for minutes after its last voice (a quiet spell in an occupied room sounds the same to one
 * microphone as a room just left); several microphones of a room quiet at once are rarer in an
 * occupied room than right after everyone left. One microphone alone says nothing new, so a room
 * with one fresh device decides as that device.
 */
public class RoomRule implements Serializable {
    private static final long serialVersionUID = 1L;

    public FusionMethod method = FusionMethod.MEAN;
    public DecisionRule decision;

    /** A device whose newest vote is older than this (in event time) no longer votes. */
    public long freshnessSeconds;

    /**
     * The room scores 0 once every fresh device, of two or more, has been quiet this long ({@link
     * Vote#quietSeconds}); 0 for never.
     */
    public long quietSeconds;

    public RoomRule() {}

    public RoomRule(FusionMethod method, DecisionRule decision, long freshnessSeconds) {
        this(method, decision, freshnessSeconds, 0);
    }

    public RoomRule(
            FusionMethod method, DecisionRule decision, long freshnessSeconds, long quietSeconds) {
        this.method = method;
        this.decision = decision;
        this.freshnessSeconds = freshnessSeconds;
        this.quietSeconds = quietSeconds;
    }

    /** This rule, or where it names no freshness window (0), the same with {@code seconds}. */
    public RoomRule orFreshness(long seconds) {
        if (freshnessSeconds > 0) {
            return this;
        }
        return new RoomRule(method, decision, seconds, quietSeconds);
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
        boolean allQuiet = quietSeconds > 0;
        for (Vote v : votes) {
            if (now - v.timestamp > freshnessSeconds) {
                continue;
            }
            fresh++;
            sum += v.probability;
            max = Math.max(max, v.probability);
            occupied += v.occupied ? 1 : 0;
            allQuiet &= v.quietSeconds >= quietSeconds;
        }
        if (fresh == 0) {
            return Double.NaN;
        }
        if (allQuiet && fresh >= 2) {
            return 0;
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
        String quiet =
                quietSeconds > 0
                        ? ", 0 once all (two or more) have been quiet " + quietSeconds + " s"
                        : "";
        return method
                + " of devices fresh within "
                + freshnessSeconds
                + " s"
                + quiet
                + ", then "
                + decision;
    }
}
