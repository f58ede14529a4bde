package io.occupancystream.modelops.train;

import io.occupancystream.modelops.eval.CandidateResult;

/** What the candidate search maximises on the validation rows. */
public enum Objective {
    /** F1 of the occupied class at the best threshold (Autopilot's default for binary tasks). */
    F1,
    /** Area under the ROC curve: ranking quality, independent of a threshold. */
    AUC;

    double of(CandidateResult c) {
        return this == F1 ? c.f1 : c.auc;
    }
}
