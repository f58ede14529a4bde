package io.occupancystream.devicesim.view;

import java.time.Duration;

/**
 * How much the live view keeps: timeline buckets of {@code bucket} event time covering {@code
 * timeline} per room, and counts over the last {@code recentWindow} of the view's clock.
 */
public final class ViewSettings {
    public static final Duration DEFAULT_BUCKET = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMELINE = Duration.ofHours(2);
    public static final Duration DEFAULT_RECENT = Duration.ofMinutes(1);

    /** The most buckets a room's timeline may keep, so that a room's chart stays light. */
    static final int MAX_BUCKETS = 10_000;

    final Duration bucket;
    final Duration timeline;
    final Duration recentWindow;

    public ViewSettings(Duration bucket, Duration timeline, Duration recentWindow) {
        if (bucket.toSeconds() < 1) {
            throw new IllegalArgumentException("the bucket must be 1 s or more, got " + bucket);
        }
        if (timeline.compareTo(bucket) < 0) {
            throw new IllegalArgumentException(
                    "the timeline ("
                            + timeline
                            + ") must hold at least one bucket ("
                            + bucket
                            + ")");
        }
        if (timeline.toSeconds() / bucket.toSeconds() > MAX_BUCKETS) {
            throw new IllegalArgumentException(
                    "the timeline "
                            + timeline
                            + " in buckets of "
                            + bucket
                            + " makes more than "
                            + MAX_BUCKETS
                            + " buckets: give a longer bucket");
        }
        if (recentWindow.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "the recent window must be 1 s or more, got " + recentWindow);
        }
        this.bucket = bucket;
        this.timeline = timeline;
        this.recentWindow = recentWindow;
    }

    public static ViewSettings defaults() {
        return new ViewSettings(DEFAULT_BUCKET, DEFAULT_TIMELINE, DEFAULT_RECENT);
    }

    /** Buckets per room's timeline: {@code timeline / bucket}. */
    int timelineBuckets() {
        return (int) (timeline.toSeconds() / bucket.toSeconds());
    }
}
