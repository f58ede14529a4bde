package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.reading.Reading;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

/**
 * Event time ages out de-duplication state, so an input that counts as idle while readings are
 * still to come lets a repeated reading through: only Kinesis shards may go idle.
 */
class EventTimeIdlenessTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void aKinesisShardThatSendsNothingForTheIdlenessGoesIdle() {
        assertThat(idleAfterSilence("kinesis")).isTrue();
    }

    @Test
    void aReplayReaderThatSendsNothingIsHeldUpNotIdle() {
        assertThat(idleAfterSilence("replay")).isFalse();
    }

    private boolean idleAfterSilence(String sourceType) {
        SourceSettings source =
                JobSettings.withOverrides(
                                List.of("source.type=" + sourceType, "source.idleness=1 min"))
                        .source;
        WatermarkGenerator<Reading> generator =
                OccupancyPipeline.watermarks(source).createWatermarkGenerator(new Context());
        Output output = new Output();
        generator.onEvent(new Reading(), 1_000L, output);
        // Flink counts silence from the first periodic emit that sees no new event.
        for (int minute = 0; minute < 3; minute++) {
            generator.onPeriodicEmit(output);
            clock.advanceTime(Duration.ofMinutes(1));
        }
        generator.onPeriodicEmit(output);
        return output.idle;
    }

    private final class Context implements WatermarkGeneratorSupplier.Context {
        @Override
        public MetricGroup getMetricGroup() {
            return new UnregisteredMetricsGroup();
        }

        @Override
        public RelativeClock getInputActivityClock() {
            return clock;
        }
    }

    private static final class Output implements WatermarkOutput {
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
