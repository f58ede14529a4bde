package io.occupancystream.modelops.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Threshold-free quality of scores against labels (ROC AUC, log loss), and the decision threshold
 * that maximises F1. Scores are probabilities of occupied, or any monotone score for the rule.
 */
public final class BinaryMetrics {
    private BinaryMetrics() {}

    /**
     * Area under the ROC curve: the probability that a random occupied row scores above a random
     * unoccupied one (ties count half). NaN when only one class is present.
     */
    public static double auc(double[] scores, boolean[] actual) {
        Integer[] order = sortedByScore(scores);
        long positives = 0;
        long negatives = 0;
        double rankSumPositives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (actual[order[k]]) {
                    positives++;
                    rankSumPositives += averageRank;
                } else {
                    negatives++;
                }
            }
            i = j + 1;
        }
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    /** Mean binary cross-entropy of probabilities, clipped away from 0 and 1. */
    public static double logLoss(double[] probabilities, boolean[] actual) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(Math.max(probabilities[i], 1e-15), 1 - 1e-15);
            sum += actual[i] ? -Math.log(p) : -Math.log(1 - p);
        }
        return sum / probabilities.length;
    }

    /**
     * The threshold with the highest F1 when "occupied" means {@code score >= threshold}; among
     * equal F1, the highest threshold (fewest false alarms). Candidates are the distinct scores.
     * With no occupied row at all, returns a threshold above every score.
     */
    public static double bestF1Threshold(double[] scores, boolean[] actual) {
        Integer[] order = sortedByScore(scores);
        long totalPositives = IntStream.range(0, actual.length).filter(i -> actual[i]).count();
        if (totalPositives == 0) {
            return Math.nextUp(Arrays.stream(scores).max().orElse(0));
        }
        double best = -1;
        double bestThreshold = Double.POSITIVE_INFINITY;
        long tp = 0;
        long fp = 0;
        // Walk from the highest score down: everything at or above the current score is occupied.
        for (int i = order.length - 1; i >= 0; i--) {
            if (actual[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            if (i > 0 && scores[order[i - 1]] == scores[order[i]]) {
                continue;
            }
            long fn = totalPositives - tp;
            double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
            if (f1 > best) {
                best = f1;
                bestThreshold = scores[order[i]];
            }
        }
        return bestThreshold;
    }

    private static Integer[] sortedByScore(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }
}
