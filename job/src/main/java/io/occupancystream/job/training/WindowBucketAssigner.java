package io.occupancystream.job.training;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * One bucket (folder) per training window, named from the window's start in UTC: {@code
 * dt=2017-12-22/hour=05}, with {@code /minute=15} added when windows are shorter than an hour.
 */
public class WindowBucketAssigner implements BucketAssigner<TrainingRow, String> {
    private static final DateTimeFormatter HOURLY =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd/'hour='HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SUB_HOURLY =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd/'hour='HH/'minute='mm")
                    .withZone(ZoneOffset.UTC);

    private final boolean subHourly;

    public WindowBucketAssigner(Duration window) {
        this.subHourly = window.compareTo(Duration.ofHours(1)) < 0;
    }

    @Override
    public String getBucketId(TrainingRow row, Context context) {
        return bucketOf(row.windowStart);
    }

    String bucketOf(long windowStartMillis) {
        return (subHourly ? SUB_HOURLY : HOURLY).format(Instant.ofEpochMilli(windowStartMillis));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
