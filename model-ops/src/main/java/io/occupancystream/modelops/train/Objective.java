package io.occupancystream.modelops.train;

import io.occupancystream.modelops.eval.CandidateResult;

/** What the candidate search maximises on the validation rows. */
public enum Objective {
    /**
     * F1 of the occupied class at the best threshold (Autopilot's default for binary tasks), of the
     * worst device where the rows have several.
     */
    F1,
    /** Area under the ROC curve: ranking quality, independent of a threshold. */
    AUC;

    double of(CandidateResult c) {
        if (this == AUC) {
            return c.auc;
        }
        return Double.isNaN(c.worstDeviceF1) ? c.f1 : c.worstDeviceF1;
    }
}
