package io.occupancystream.job.scoring;

/** A model's answer to one batch: per row, in request order, the label and P(occupied). */
public final class ModelAnswer {
    public final boolean[] occupied;
    public final float[] probabilities;
    public final String modelVersion;

    public ModelAnswer(boolean[] occupied, float[] probabilities, String modelVersion) {
        this.occupied = occupied;
        this.probabilities = probabilities;
        this.modelVersion = modelVersion;
    }

    public int rows() {
        return occupied.length;
    }
}
