package io.occupancystream.devicesim.chaos;

import java.time.Duration;

/**
 * S3 (S3Proxy) out of reach for tens of seconds, across several checkpoints: connections to it
 * reset, new ones refused. Training rows must still land once each when it is back.
 */
final class S3OutageScenario extends Scenario {
    private final Duration outage;

    S3OutageScenario(Duration outage) {
        this.outage = outage;
    }

    @Override
    String name() {
        return "s3-outage";
    }

    @Override
    String inject(ScenarioRun run, RunningJob job) throws Exception {
        job.runFor(Duration.ofSeconds(10));
        run.s3Proxy.cut();
        job.runFor(outage);
        run.s3Proxy.restore();
        job.runFor(Duration.ofSeconds(15));
        return "S3 unreachable " + outage.toSeconds() + " s";
    }
}
