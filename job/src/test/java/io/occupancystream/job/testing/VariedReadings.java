package io.occupancystream.job.testing;

import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated recordings (not recorded data) with varied, seeded signals: sound, temperature and HVAC
 * status at random, and a noisy label that grows likelier with sound. Unlike {@link
 * Recordings#simulated}, whose label is a clean split on sound, a model trained on these stops
 * early and gives many different probabilities, so that a reading scored with another reading's row
 * shows.
 */
public final class VariedReadings {
    /** 2017-12-22T05:00:00Z, a Friday. */
    public static final long START = 1513918800L;

    private VariedReadings() {}

    /** {@code devices} thermostats ({@code dev-0}, ...) reporting every 30 s for {@code steps}. */
    public static List<String> recording(int devices, int steps, long seed) {
        Random random = new Random(seed);
        HvacStatus[] hvac = HvacStatus.values();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            for (int d = 0; d < devices; d++) {
                double sound = Math.round(random.nextDouble() * 300) / 10.0;
                double temperature = 66 + Math.round(random.nextDouble() * 100) / 10.0;
                boolean occupied = random.nextDouble() < 1 / (1 + Math.exp(-(sound - 15) / 4));
                lines.add(
                        ReadingJson.write(
                                new Reading(
                                        "dev-" + d,
                                        START + 30L * i,
                                        temperature,
                                        sound,
                                        hvac[random.nextInt(hvac.length)],
                                        occupied)));
            }
        }
        return lines;
    }
}
