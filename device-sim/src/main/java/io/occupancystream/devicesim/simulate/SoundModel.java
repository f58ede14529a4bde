package io.occupancystream.devicesim.simulate;

import java.util.Random;

/**
 * Sound levels on the EduKit microphone's 0-255 scale, whole numbers. Empty rooms are quiet with
 * occasional loud noises; occupied rooms alternate speech bursts and pauses, with some quiet
 * stretches (people reading or typing). Each microphone has its own gain, so raw levels differ
 * between devices as they do between real ones.
 */
public final class SoundModel {
    static final int MAX_LEVEL = 255;

    private enum Activity {
        BACKGROUND,
        LOUD_NOISE,
        SPEECH,
        PAUSE,
        QUIET
    }

    private static final double LOUD_NOISE_PER_SECOND = 1.0 / 5400;
    private static final double QUIET_STRETCH_AFTER_PAUSE = 0.015;

    private final Random random;
    private final double gain;
    private Activity activity = Activity.BACKGROUND;
    private int remainingSeconds;
    private double eventLevel;

    public SoundModel(Random random) {
        this.random = random;
        this.gain = 0.6 + random.nextDouble();
    }

    double gain() {
        return gain;
    }

    /** The level for the next reading; {@code seconds} is the time since the previous one. */
    public double next(boolean occupied, int seconds) {
        remainingSeconds -= seconds;
        if (occupied != isOccupiedActivity(activity)) {
            start(occupied ? Activity.SPEECH : Activity.BACKGROUND);
        } else if (remainingSeconds <= 0) {
            start(following(activity));
        } else if (activity == Activity.BACKGROUND
                && random.nextDouble() < LOUD_NOISE_PER_SECOND * seconds) {
            start(Activity.LOUD_NOISE);
        }
        return Math.max(0, Math.min(MAX_LEVEL, Math.round(gain * baseLevel())));
    }

    private static boolean isOccupiedActivity(Activity activity) {
        return activity != Activity.BACKGROUND && activity != Activity.LOUD_NOISE;
    }

    private Activity following(Activity current) {
        switch (current) {
            case SPEECH:
                return Activity.PAUSE;
            case PAUSE:
                return random.nextDouble() < QUIET_STRETCH_AFTER_PAUSE
                        ? Activity.QUIET
                        : Activity.SPEECH;
            case QUIET:
                return Activity.SPEECH;
            default:
                return Activity.BACKGROUND;
        }
    }

    private void start(Activity next) {
        activity = next;
        switch (next) {
            case SPEECH:
                remainingSeconds = 2 + random.nextInt(19);
                eventLevel = 20 + random.nextInt(101);
                break;
            case PAUSE:
                remainingSeconds = 1 + random.nextInt(8);
                break;
            case QUIET:
                remainingSeconds = 180 + random.nextInt(1021);
                break;
            case LOUD_NOISE:
                remainingSeconds = 1 + random.nextInt(4);
                eventLevel = 80 + random.nextInt(141);
                break;
            default:
                // The background lasts until occupancy changes or a loud noise interrupts it.
                remainingSeconds = Integer.MAX_VALUE;
        }
    }

    private double baseLevel() {
        switch (activity) {
            case SPEECH:
                return eventLevel + 8 * random.nextGaussian();
            case PAUSE:
                return 10 + 3 * random.nextGaussian();
            case QUIET:
                return 9 + 3 * random.nextGaussian();
            case LOUD_NOISE:
                return eventLevel + 15 * random.nextGaussian();
            default:
                return 3 + 1.5 * random.nextGaussian();
        }
    }
}
