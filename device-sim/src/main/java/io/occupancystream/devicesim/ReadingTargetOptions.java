package io.occupancystream.devicesim;

import io.occupancystream.devicesim.delivery.DeliveryException;
import io.occupancystream.devicesim.delivery.FileReadingTarget;
import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.delivery.ReadingTarget;
import io.occupancystream.devicesim.kinesis.KinesisOptions;
import io.occupancystream.devicesim.kinesis.KinesisReadingTarget;
import io.occupancystream.devicesim.kinesis.ShardThrottle;
import io.occupancystream.devicesim.mqtt.MqttOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * {@code --to file|kinesis|mqtt} and each target's options, so that every command opens targets
 * alike.
 */
public final class ReadingTargetOptions {
    /** The kinds of target. */
    public enum Kind {
        file,
        kinesis,
        mqtt
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--to",
            paramLabel = "TARGET",
            defaultValue = "file",
            description =
                    "Where readings go: file (--out), kinesis (--stream, PutRecords) or mqtt"
                        + " (device shadow updates to --mqtt-host) (default: ${DEFAULT-VALUE}).")
    Kind to;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "With --to file: the file to write (.jsonl, or .jsonl.gz); replaced.")
    Path out;

    @Mixin KinesisOptions kinesis;

    @Mixin MqttOptions mqtt;

    public Kind kind() {
        return to;
    }

    /**
     * Opens the chosen target; a usage error when its options are missing. Waits and the Kinesis
     * report use {@code nanoClock} and {@code sleeper}.
     */
    public ReadingTarget open(LongSupplier nanoClock, Pacer.Sleeper sleeper) throws IOException {
        PrintWriter report = mixee.commandLine().getErr();
        switch (to) {
            case kinesis:
                String stream = kinesis.stream();
                KinesisClient client = kinesis.newClient();
                int shards;
                try {
                    shards = openShardCount(client, stream);
                } catch (SdkException e) {
                    client.close();
                    throw new DeliveryException(
                            "cannot put readings into stream " + stream + ": " + e.getMessage(), e);
                }
                return new KinesisReadingTarget(
                        client,
                        stream,
                        new ShardThrottle(shards, nanoClock, sleeper),
                        sleeper,
                        nanoClock,
                        report);
            case mqtt:
                return mqtt.open(report);
            default:
                if (out == null) {
                    throw new ParameterException(mixee.commandLine(), "--to file needs --out FILE");
                }
                return new FileReadingTarget(out);
        }
    }

    private static int openShardCount(KinesisClient client, String stream) {
        return client.describeStreamSummary(r -> r.streamName(stream))
                .streamDescriptionSummary()
                .openShardCount();
    }

    /** Where the readings went, for summaries. */
    public String describe() {
        switch (to) {
            case kinesis:
                return kinesis.describe();
            case mqtt:
                return mqtt.describe();
            default:
                return String.valueOf(out);
        }
    }
}
