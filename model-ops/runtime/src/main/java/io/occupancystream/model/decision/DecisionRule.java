package io.occupancystream.model.decision;

import java.io.Serializable;
import java.util.Objects;

/**
 * Turns a stream of probabilities into a decision that does not flicker: an empty place becomes
 * occupied once the probability has stayed at or above {@link #enter} for {@link
 * #enterAfterSeconds}, an occupied one becomes empty once it has stayed below {@link #leave} for
 * {@link #leaveAfterSeconds}. A lone loud reading in an empty room, or a quiet minute in a meeting,
 * changes nothing. With {@code enter == leave} and no waits it is a plain threshold.
 *
 * <p>Chosen on validation rows by model-ops and written into the model card; embedded and endpoint
 * scoring apply the same rule through {@link Latch}.
 */
public class DecisionRule implements Serializable {
    private static final long serialVersionUID = 1L;

    public double enter;
    public double leave;
    public long enterAfterSeconds;
    public long leaveAfterSeconds;

    public DecisionRule() {}

    public DecisionRule(
            double enter, double leave, long enterAfterSeconds, long leaveAfterSeconds) {
        this.enter = enter;
        this.leave = leave;
        this.enterAfterSeconds = enterAfterSeconds;
        this.leaveAfterSeconds = leaveAfterSeconds;
        validate();
    }

    /** Occupied exactly when the probability is at least {@code threshold}. */
    public static DecisionRule threshold(double threshold) {
        return new DecisionRule(threshold, threshold, 0, 0);
    }

    /** Fails unless {@code 0 <= leave <= enter <= 1} and neither wait is negative. */
    public DecisionRule validate() {
        if (!(0 <= leave && leave <= enter && enter <= 1)
                || enterAfterSeconds < 0
                || leaveAfterSeconds < 0) {
            throw new IllegalArgumentException(
                    "a decision rule needs 0 <= leave <= enter <= 1 and waits >= 0, not " + this);
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DecisionRule)) {
            return false;
        }
        DecisionRule other = (DecisionRule) o;
        return enter == other.enter
                && leave == other.leave
                && enterAfterSeconds == other.enterAfterSeconds
                && leaveAfterSeconds == other.leaveAfterSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(enter, leave, enterAfterSeconds, leaveAfterSeconds);
    }

    @Override
    public String toString() {
        return "enter at "
                + enter
                + " held "
                + enterAfterSeconds
                + " s, leave below "
                + leave
                + " held "
                + leaveAfterSeconds
                + " s";
    }
}
