package io.occupancystream.model.decision;

/**
 * One device's or one room's current decision under a {@link DecisionRule}: a Flink POJO, kept in
 * keyed state by the job and replayed row by row by model-ops' evaluation, so both decide alike.
 */
public class Latch {
    /** False until the first probability has been seen. */
    public boolean started;

    public boolean occupied;

    /** Epoch seconds of the newest probability taken. */
    public long latest;

    /** True while every probability since {@link #wantingSince} has asked for the other state. */
    public boolean wanting;

    /** Epoch seconds of the first of the unbroken run of probabilities asking for a change. */
    public long wantingSince;

    /**
     * Takes the probability at {@code timestamp} (epoch seconds) and returns the decision after it.
     * A timestamp older than the newest one taken (an out-of-order reading) changes nothing.
     */
    public boolean update(DecisionRule rule, double probability, long timestamp) {
        if (!started) {
            started = true;
            occupied = probability >= rule.enter;
            latest = timestamp;
            return occupied;
        }
        if (timestamp < latest) {
            return occupied;
        }
        latest = timestamp;
        boolean wants = occupied ? probability >= rule.leave : probability >= rule.enter;
        if (wants == occupied) {
            wanting = false;
            return occupied;
        }
        if (!wanting) {
            wanting = true;
            wantingSince = timestamp;
        }
        long wait = occupied ? rule.leaveAfterSeconds : rule.enterAfterSeconds;
        if (timestamp - wantingSince >= wait) {
            occupied = wants;
            wanting = false;
        }
        return occupied;
    }
}
