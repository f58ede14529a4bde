package io.occupancystream.job.testing;

import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated recordings (not recorded data) with varied, seeded signals: each device's room is empty
 * or occupied for stretches of random length; an empty room hums at 1-2, an occupied one is loud at
 * random (a reading is loud with a likelihood that varies from stretch to stretch), and the label
 * is the stretch's state with some readings flipped. Temperature and HVAC status are random. Unlike
 * {@link Recordings#simulated}, whose label is a clean split on sound, a model trained on these
 * stops early and gives many different probabilities, so that a reading scored with another
 * reading's row shows.
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
        boolean[] inUse = new boolean[devices];
        double[] loudness = new double[devices];
        for (int i = 0; i < steps; i++) {
            for (int d = 0; d < devices; d++) {
                if (random.nextDouble() < 0.05) {
                    inUse[d] = !inUse[d];
                    loudness[d] = 0.2 + 0.7 * random.nextDouble();
                }
                boolean loud = inUse[d] && random.nextDouble() < loudness[d];
                double sound =
                        loud
                                ? 3 + Math.round(random.nextDouble() * 270) / 10.0
                                : 1 + Math.round(random.nextDouble() * 10) / 10.0;
                double temperature = 66 + Math.round(random.nextDouble() * 100) / 10.0;
                boolean occupied = inUse[d] ^ (random.nextDouble() < 0.05);
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
