package io.occupancystream.model.decision;

import java.io.Serializable;

/**
 * The EduKit tutorial's IoT rule: occupied when sound is strictly above a threshold. The one
 * statement of it: the job's rule scorer, model-ops' rule baselines and the run page all apply
 * this.
 */
public final class SoundRule implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double threshold;

    public SoundRule(double threshold) {
        this.threshold = threshold;
    }

    public boolean occupied(double sound) {
        return sound > threshold;
    }

    public double threshold() {
        return threshold;
    }
}
