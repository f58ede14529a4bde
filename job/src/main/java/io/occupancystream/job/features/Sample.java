package io.occupancystream.job.features;

/** The part of a past reading that rolling features need; kept in per-device state. */
public class Sample {
    public long timestamp;
    public double sound;
    public double temperature;

    public Sample() {}

    public Sample(long timestamp, double sound, double temperature) {
        this.timestamp = timestamp;
        this.sound = sound;
        this.temperature = temperature;
    }
}
