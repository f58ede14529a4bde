package io.occupancystream.job.features;

import io.occupancystream.job.reading.Reading;
import java.util.Arrays;

/** A reading with its feature vector ({@link Feature#columns()} order). */
public class FeaturedReading {
    public Reading reading;
    public double[] features;

    public FeaturedReading() {}

    public FeaturedReading(Reading reading, double[] features) {
        this.reading = reading;
        this.features = features;
    }

    /** How long the device had heard nothing loud: {@link Feature#quietSeconds}. */
    public long quietSeconds() {
        return Feature.quietSeconds(features);
    }

    @Override
    public String toString() {
        return reading + " " + Arrays.toString(features);
    }
}
