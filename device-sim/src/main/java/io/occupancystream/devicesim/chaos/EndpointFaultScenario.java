package io.occupancystream.devicesim.chaos;

import io.occupancystream.modelops.serve.FaultInjector;
import java.time.Duration;

/**
 * The model endpoint failing under a steady load: a burst of 5xx answers, a burst of throttling, 30
 * s down (nothing listening), then latency spikes, with normal service between. Every reading must
 * still have a result, each fallback marked with its reason.
 */
final class EndpointFaultScenario extends Scenario {
    private static final Duration BURST = Duration.ofSeconds(8);
    private static final Duration BETWEEN = Duration.ofSeconds(6);
    private final long seed;

    EndpointFaultScenario(long seed) {
        this.seed = seed;
    }

    @Override
    String name() {
        return "endpoint-faults";
    }

    @Override
    String inject(ScenarioRun run, RunningJob job) throws Exception {
        FaultInjector none = FaultInjector.none();
        phase(run, job, none.withErrorRate(1).withSeed(seed), BURST);
        phase(run, job, none, BETWEEN);
        phase(run, job, none.withThrottleRate(1).withSeed(seed), BURST);
        phase(run, job, none, BETWEEN);
        run.stack.stopEndpoint();
        job.runFor(Duration.ofSeconds(30));
        phase(run, job, none, BETWEEN);
        phase(run, job, none.withLatencyMillis(1500), BURST);
        phase(run, job, none, BETWEEN);
        return "endpoint: 5xx "
                + BURST.toSeconds()
                + " s, throttled "
                + BURST.toSeconds()
                + " s, down 30 s, +1500 ms latency "
                + BURST.toSeconds()
                + " s";
    }

    private static void phase(
            ScenarioRun run, RunningJob job, FaultInjector faults, Duration duration)
            throws Exception {
        run.stack.restartEndpoint(faults);
        job.runFor(duration);
    }
}
