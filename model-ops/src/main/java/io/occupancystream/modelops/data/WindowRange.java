package io.occupancystream.modelops.data;

import java.time.Instant;
import picocli.CommandLine.Option;

/** The {@code --since}/{@code --until} options that pick training-set windows by start time. */
public final class WindowRange {
    @Option(
            names = "--since",
            paramLabel = "INSTANT",
            description =
                    "Only windows starting at or after this UTC instant, e.g."
                            + " 2017-12-23T00:00:00Z.")
    public Instant since;

    @Option(
            names = "--until",
            paramLabel = "INSTANT",
            description = "Only windows starting before this UTC instant.")
    public Instant until;

    public TrainingSetReader reader(String target) {
        return new TrainingSetReader(target, since, until);
    }
}
