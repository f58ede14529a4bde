package io.occupancystream.devicesim.chaos;

import java.nio.file.Path;
import java.time.Duration;

/** What every scenario of one harness run shares. */
final class ChaosSettings {
    final long seed;
    final double rate;
    final int devices;
    final Path model;
    final Path out;
    final Path kinesaliteDir;
    final JobLauncher launcher;
    final Duration checkpointInterval;
    final Duration settleTimeout;

    ChaosSettings(
            long seed,
            double rate,
            int devices,
            Path model,
            Path out,
            Path kinesaliteDir,
            JobLauncher launcher,
            Duration checkpointInterval,
            Duration settleTimeout) {
        this.seed = seed;
        this.rate = rate;
        this.devices = devices;
        this.model = model;
        this.out = out;
        this.kinesaliteDir = kinesaliteDir;
        this.launcher = launcher;
        this.checkpointInterval = checkpointInterval;
        this.settleTimeout = settleTimeout;
    }
}
