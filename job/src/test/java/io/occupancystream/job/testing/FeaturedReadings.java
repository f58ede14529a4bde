package io.occupancystream.job.testing;

import io.occupancystream.job.features.Feature;
import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Featured readings for tests of the scoring stage alone, without the pipeline before it. */
public final class FeaturedReadings {
    private FeaturedReadings() {}

    /** Readings of one device 30 s apart with made-up (but plausible) feature vectors. */
    public static List<FeaturedReading> madeUp(int count) {
        List<FeaturedReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double sound = (i * 7) % 30;
            double temperature = 68 + (i % 10) / 2.0;
            double[] features = new double[Feature.values().length];
            features[Feature.LOUD_SHARE_90S.ordinal()] = sound > 4 ? 1 : 0;
            features[Feature.LOUD_SHARE_3M.ordinal()] = sound > 4 ? 0.5 : 0;
            features[Feature.LOUD_SHARE_5M.ordinal()] = (i % 11) / 10.0;
            features[Feature.LOUD_SHARE_15M.ordinal()] = (i % 31) / 30.0;
            features[Feature.HVAC_STANDBY.ordinal()] = 1;
            readings.add(
                    new FeaturedReading(
                            new Reading(
                                    "dev-0",
                                    VariedReadings.START + 30L * i,
                                    temperature,
                                    sound,
                                    null,
                                    null),
                            features));
        }
        return readings;
    }

    /** The recording (JSON lines) the readings came from. */
    public static List<String> recording(List<FeaturedReading> readings) {
        return readings.stream()
                .map(r -> ReadingJson.write(r.reading))
                .collect(Collectors.toList());
    }

    /** Their result ids, in order. */
    public static List<String> ids(List<FeaturedReading> readings) {
        return readings.stream().map(r -> r.reading.id()).collect(Collectors.toList());
    }
}
