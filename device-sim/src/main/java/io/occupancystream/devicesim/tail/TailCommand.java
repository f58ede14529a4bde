package io.occupancystream.devicesim.tail;

import io.occupancystream.devicesim.DurationConverter;
import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.kinesis.KinesisOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** {@code device-sim tail}: prints what is in a Kinesis data stream, one record a line. */
@Command(
        name = "tail",
        description = {
            "Reads all shards of a Kinesis data stream and prints each record's data as one line"
                    + " on standard output, for example the job's results stream.",
            "Records of one shard come in order; records of different shards interleave. Runs until"
                    + " --limit records have come, nothing new has come for --timeout, or Ctrl-C."
        })
public final class TailCommand implements Callable<Integer> {
    /** Where reading starts. */
    public enum From {
        TRIM_HORIZON,
        LATEST
    }

    @Spec CommandSpec spec;

    @Mixin KinesisOptions kinesis;

    @Option(
            names = "--from",
            paramLabel = "POSITION",
            defaultValue = "TRIM_HORIZON",
            description =
                    "TRIM_HORIZON (the oldest record kept) or LATEST (only new ones)"
                            + " (default: ${DEFAULT-VALUE}).")
    From from;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "Stop after N records (default: no limit).")
    Long limit;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stop when no record has come for this long, e.g. 30s (default: never).")
    Duration timeout;

    // Replaced in tests.
    LongSupplier nanoClock = System::nanoTime;
    Pacer.Sleeper sleeper = Pacer.Sleeper.THREAD;

    @Override
    public Integer call() throws InterruptedException {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more");
        }
        String stream = kinesis.stream();
        PrintWriter out = spec.commandLine().getOut();
        long count;
        try (KinesisClient client = kinesis.newClient()) {
            count =
                    new StreamTail(client, stream, nanoClock, sleeper)
                            .run(
                                    ShardIteratorType.fromValue(from.name()),
                                    limit == null ? Long.MAX_VALUE : limit,
                                    timeout,
                                    line -> {
                                        out.println(line);
                                        out.flush();
                                    });
        }
        spec.commandLine().getErr().println("tail: " + count + " records from " + stream);
        return 0;
    }
}
