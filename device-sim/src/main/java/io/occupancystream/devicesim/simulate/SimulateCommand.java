package io.occupancystream.devicesim.simulate;

import io.occupancystream.devicesim.DurationConverter;
import io.occupancystream.devicesim.ReadingTargetOptions;
import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.delivery.ReadingTarget;
import io.occupancystream.job.reading.Reading;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code device-sim simulate}: readings from simulated EduKit thermostats in simulated rooms. */
@Command(
        name = "simulate",
        description = {
            "Simulates thermostats that behave like the EduKit device: a reading every interval"
                    + " from each, sound on the 0-255 scale, temperature in F from a room that the"
                    + " HVAC heats and cools by the EduKit thresholds, and the ground-truth"
                    + " roomOccupancy from working-day schedules with randomness.",
            "The same options give the same readings, in timestamp then thingName order.",
            "--to file writes one JSON line per reading (the recorded format, for replay);"
                    + " files ending in .gz are gzip.",
            "--to kinesis puts the same JSON lines into a Kinesis data stream, partition key"
                    + " thingName, within the stream's shard limits; failed entries are retried.",
            "--to mqtt publishes what the device publishes: {\"state\":{\"reported\":{...}}} to"
                    + " $aws/things/<thingName>/shadow/update, QoS 1, client id thingName. The"
                    + " thingName and timestamp that the job reads are added by the IoT rule that"
                    + " forwards shadow updates, not by the device."
        })
public final class SimulateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--devices",
            paramLabel = "N",
            defaultValue = "4",
            description = "Number of thermostats (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            defaultValue = "2024-01-08T00:00:00Z",
            description = "Simulated start time (default: ${DEFAULT-VALUE}, a Monday).")
    Instant start;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "PT1H",
            converter = DurationConverter.class,
            description =
                    "Simulated time to cover, e.g. PT2H, P7D, 90m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--interval-seconds",
            paramLabel = "SECONDS",
            defaultValue = "1",
            description = "Seconds between a thermostat's readings (default: ${DEFAULT-VALUE}).")
    int intervalSeconds;

    @Option(
            names = "--speed",
            paramLabel = "X",
            description =
                    "Simulated seconds per real second: 1 is real time, 0 does not wait"
                            + " (default: 0 for --to file, 1 for kinesis and mqtt).")
    Double speed;

    @Option(
            names = "--as-fast-as-possible",
            description = "Do not wait between readings; the same as --speed 0.")
    boolean asFastAsPossible;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            defaultValue = "UTC",
            description = "Time zone of the occupancy schedules (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Mixin ReadingTargetOptions target;

    @Option(
            names = "--thing-prefix",
            paramLabel = "PREFIX",
            defaultValue = "sim-",
            description = "thingNames are PREFIX1..PREFIXN (default: ${DEFAULT-VALUE}).")
    String thingPrefix;

    // Replaced in tests.
    LongSupplier nanoClock = System::nanoTime;
    Pacer.Sleeper sleeper = Pacer.Sleeper.THREAD;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SimulationSettings settings = settings();
        long ticks = ticks();
        Pacer pacer = new Pacer(effectiveSpeed(), nanoClock, sleeper);
        ThermostatSimulator simulator = new ThermostatSimulator(settings);
        long written = 0;
        long occupied = 0;
        long startNanos = nanoClock.getAsLong();
        try (ReadingTarget sink = target.open(nanoClock, sleeper)) {
            pacer.start();
            for (long tick = 0; tick < ticks; tick++) {
                pacer.awaitSimulatedSecond(simulator.simulatedSecondsElapsed());
                List<Reading> readings = simulator.nextTick();
                for (Reading reading : readings) {
                    sink.send(reading);
                    written++;
                    if (reading.roomOccupancy) {
                        occupied++;
                    }
                }
                if (pacer.isPaced()) {
                    sink.flush();
                }
            }
        }
        Instant last = start.plusSeconds((ticks - 1) * intervalSeconds);
        spec.commandLine()
                .getErr()
                .println(
                        String.format(
                                Locale.ROOT,
                                "simulate: wrote %d readings from %d thermostats to %s, %s to %s,"
                                        + " %.1f%% occupied, in %.1f s",
                                written,
                                devices,
                                target.describe(),
                                start,
                                last,
                                100.0 * occupied / written,
                                (nanoClock.getAsLong() - startNanos) / 1e9));
        return 0;
    }

    private SimulationSettings settings() {
        try {
            return new SimulationSettings(devices, seed, start, intervalSeconds, zone, thingPrefix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private long ticks() {
        long ticks = duration.getSeconds() / intervalSeconds;
        if (ticks < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--duration " + duration + " is shorter than one interval");
        }
        return ticks;
    }

    private double effectiveSpeed() {
        if (asFastAsPossible) {
            if (speed != null && speed != 0) {
                throw new ParameterException(
                        spec.commandLine(), "--as-fast-as-possible contradicts --speed " + speed);
            }
            return 0;
        }
        if (speed == null) {
            // A file is for later; a stream or broker is watched live.
            return target.kind() == ReadingTargetOptions.Kind.file ? 0 : 1;
        }
        if (!(speed >= 0) || speed.isInfinite()) {
            throw new ParameterException(spec.commandLine(), "--speed must be 0 or more");
        }
        return speed;
    }
}
