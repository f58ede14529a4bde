package io.occupancystream.devicesim.replay;

import io.occupancystream.devicesim.ReadingTargetOptions;
import io.occupancystream.devicesim.RecordingFiles;
import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.delivery.ReadingTarget;
import io.occupancystream.devicesim.delivery.RecordedLine;
import io.occupancystream.job.reading.ParsedReading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code device-sim replay}: sends a recording on, paced by its timestamps. */
@Command(
        name = "replay",
        description = {
            "Sends the lines of a recording (.jsonl or .jsonl.gz) to a target, each line as it was"
                    + " recorded, bad records included, so that a file of bad readings tests the"
                    + " job's dead letters.",
            "Paced by the recorded timestamps: --speed 1 keeps the recorded gaps, 60 makes an hour"
                + " a minute, 0 sends as fast as the target takes them. A line that is not a valid"
                + " reading goes at once after the line before it.",
            "--to mqtt publishes the shadow update of each valid reading and stops at the first"
                    + " bad line."
        })
public final class ReplayCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--in",
            required = true,
            paramLabel = "FILE",
            description = "The recording (.jsonl, or .jsonl.gz).")
    Path in;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "1",
            description =
                    "Recorded seconds per real second; 0 does not wait (default:"
                            + " ${DEFAULT-VALUE}).")
    double speed;

    @Mixin ReadingTargetOptions target;

    // Replaced in tests.
    LongSupplier nanoClock = System::nanoTime;
    Pacer.Sleeper sleeper = Pacer.Sleeper.THREAD;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new ParameterException(spec.commandLine(), "--speed must be 0 or more");
        }
        Pacer pacer = new Pacer(speed, nanoClock, sleeper);
        long lines = 0;
        long bad = 0;
        Long firstTimestamp = null;
        long lastTimestamp = 0;
        long startNanos = nanoClock.getAsLong();
        try (BufferedReader recording = RecordingFiles.newReader(in);
                ReadingTarget readings = target.open(nanoClock, sleeper)) {
            pacer.start();
            String text;
            while ((text = recording.readLine()) != null) {
                lines++;
                ParsedReading parsed = ReadingJson.parse(text, Long.MAX_VALUE);
                if (!parsed.isValid()) {
                    bad++;
                } else {
                    long timestamp = parsed.reading().timestamp;
                    if (firstTimestamp == null) {
                        firstTimestamp = timestamp;
                    } else if (timestamp > lastTimestamp && pacer.isPaced()) {
                        readings.flush();
                    }
                    lastTimestamp = Math.max(lastTimestamp, timestamp);
                    pacer.awaitSimulatedSecond(timestamp - firstTimestamp);
                }
                readings.send(new RecordedLine(in.toString(), lines, text, parsed));
            }
        }
        spec.commandLine()
                .getErr()
                .println(
                        String.format(
                                Locale.ROOT,
                                "replay: sent %d lines (%d not valid readings) from %s to %s,"
                                        + " in %.1f s",
                                lines,
                                bad,
                                in,
                                target.describe(),
                                (nanoClock.getAsLong() - startNanos) / 1e9));
        return 0;
    }
}
