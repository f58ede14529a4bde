package io.occupancystream.modelops.train;

import io.occupancystream.model.decision.SoundRule;
import io.occupancystream.modelops.eval.BinaryMetrics;
import java.util.Arrays;

/**
 * The EduKit IoT rule as a baseline: occupied when sound is above a threshold, with the threshold
 * that gives the best F1 on the training rows. It is stated as {@code sound > t}, as the job's rule
 * scorer applies it, with t half-way between the best cut and the next lower level seen.
 */
public final class RuleBaseline {
    private RuleBaseline() {}

    public static double bestThreshold(double[] sound, boolean[] actual) {
        double cut = BinaryMetrics.bestF1Threshold(sound, actual);
        double below = Double.NEGATIVE_INFINITY;
        for (double s : sound) {
            if (s < cut && s > below) {
                below = s;
            }
        }
        double threshold = below == Double.NEGATIVE_INFINITY ? cut - 1e-6 : (below + cut) / 2;
        return Math.round(threshold * 1e6) / 1e6;
    }

    /** The rule's decisions as 0/1 scores. */
    public static double[] decisions(double[] sound, double threshold) {
        SoundRule rule = new SoundRule(threshold);
        return Arrays.stream(sound).map(s -> rule.occupied(s) ? 1.0 : 0.0).toArray();
    }
}
