package io.occupancystream.modelops.report;

import io.occupancystream.model.ConfusionMatrix;

/** A decision threshold and the confusion matrix when occupied means {@code score >= threshold}. */
final class OperatingPoint {
    final double threshold;
    final ConfusionMatrix confusion;

    OperatingPoint(double threshold, ConfusionMatrix confusion) {
        this.threshold = threshold;
        this.confusion = confusion;
    }
}
