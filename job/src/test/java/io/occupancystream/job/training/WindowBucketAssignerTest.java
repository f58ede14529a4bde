package io.occupancystream.job.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowBucketAssignerTest {
    @ParameterizedTest
    @CsvSource({
        "PT1H, 2017-12-22T05:00:00Z, dt=2017-12-22/hour=05",
        "PT1H, 2017-12-31T23:00:00Z, dt=2017-12-31/hour=23",
        "P1D, 2017-12-22T00:00:00Z, dt=2017-12-22/hour=00",
        "PT15M, 2017-12-22T05:45:00Z, dt=2017-12-22/hour=05/minute=45"
    })
    void namesTheBucketAfterTheWindowStartInUtc(String window, String start, String bucket) {
        WindowBucketAssigner assigner = new WindowBucketAssigner(Duration.parse(window));

        assertThat(assigner.bucketOf(Instant.parse(start).toEpochMilli())).isEqualTo(bucket);
    }
}
