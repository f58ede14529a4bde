package io.occupancystream.job.features;

/** The part of a past reading that rolling features need; kept in per-device state. */
public class Sample {
    public long timestamp;
    public double sound;

    public Sample() {}

    public Sample(long timestamp, double sound) {
        this.timestamp = timestamp;
        this.sound = sound;
    }
}
