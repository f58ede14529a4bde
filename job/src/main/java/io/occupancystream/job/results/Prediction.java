package io.occupancystream.job.results;

/** A scorer's answer for one reading. */
public class Prediction {
    public boolean occupied;

    /** Probability of occupied, or null when the scorer has none (the rule). */
    public Double probability;

    public ScoreSource source;
    public String modelVersion;

    /** Why the model did not decide; null unless {@code source} is FALLBACK. */
    public FallbackReason fallbackReason;

    public Prediction() {}

    public Prediction(
            boolean occupied,
            Double probability,
            ScoreSource source,
            String modelVersion,
            FallbackReason fallbackReason) {
        this.occupied = occupied;
        this.probability = probability;
        this.source = source;
        this.modelVersion = modelVersion;
        this.fallbackReason = fallbackReason;
    }
}
