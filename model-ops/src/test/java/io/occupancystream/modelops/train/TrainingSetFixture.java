package io.occupancystream.modelops.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Simulated training sets (not recorded data) laid out as the job writes them: one folder per
 * hourly window, a header, rows with the target last. Occupied during working hours; sound is noisy
 * (quiet occupants, loud empty rooms now and then) while its 5-minute mean is steadier, so a model
 * can beat the sound rule.
 */
public final class TrainingSetFixture {
    static final String HEADER = "temperature,sound,sound_mean_5m,hour_of_day,roomoccupancy";
    private static final DateTimeFormatter BUCKET =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd/'hour='HH").withZone(ZoneOffset.UTC);

    private TrainingSetFixture() {}

    /** The CSV of the {@code h}th window, which starts at {@code window}. */
    static Path file(Path dir, Instant window, int h) {
        return dir.resolve(BUCKET.format(window)).resolve("part-0-" + h + ".csv");
    }

    /** {@code hours} hourly windows from {@code start}, {@code rowsPerHour} rows each. */
    public static Path write(Path dir, Instant start, int hours, int rowsPerHour, long seed)
            throws IOException {
        Random random = new Random(seed);
        for (int h = 0; h < hours; h++) {
            Instant window = start.plusSeconds(3600L * h);
            int hour = window.atZone(ZoneOffset.UTC).getHour();
            boolean workingHours = hour >= 8 && hour < 18;
            List<String> lines = new ArrayList<>();
            lines.add(HEADER);
            for (int r = 0; r < rowsPerHour; r++) {
                boolean occupied = workingHours && random.nextDouble() < 0.85;
                double level = occupied ? 20 : 3;
                double mean = level + random.nextGaussian() * 2;
                double sound = random.nextDouble() < 0.3 ? random.nextDouble() * 40 : mean;
                double temperature = 68 + (occupied ? 2 : 0) + random.nextGaussian();
                lines.add(
                        String.format(
                                Locale.ROOT,
                                "%.3f,%.3f,%.3f,%d,%b",
                                temperature,
                                Math.max(0, sound),
                                Math.max(0, mean),
                                hour,
                                occupied));
            }
            Path file = file(dir, window, h);
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        }
        return dir;
    }
}
