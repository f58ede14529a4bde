package io.occupancystream.modelops.data;

import io.occupancystream.model.ModelCard;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code model-ops describe-data}: what a training-set folder or S3 prefix holds, window by window,
 * read exactly as train and evaluate read it.
 */
@Command(
        name = "describe-data",
        mixinStandardHelpOptions = true,
        description =
                "Lists the training sets under a folder or s3:// prefix by window: rows and"
                        + " occupied rows, then the totals and the data hash that a model trained"
                        + " on them records.")
public final class DescribeDataCommand implements Callable<Integer> {
    @Mixin TrainingDataOptions data;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TrainingSet set = data.read(ModelCard.DEFAULT_TARGET);
        Map<Long, long[]> windows = new TreeMap<>();
        for (int row = 0; row < set.rows(); row++) {
            long[] counts = windows.computeIfAbsent(set.windowStart(row), w -> new long[2]);
            counts[0]++;
            if (set.label(row)) {
                counts[1]++;
            }
        }
        out.printf(Locale.ROOT, "%-22s %8s %9s%n", "window (UTC)", "rows", "occupied");
        windows.forEach(
                (start, counts) ->
                        out.printf(
                                Locale.ROOT,
                                "%-22s %8d %9d%n",
                                Instant.ofEpochMilli(start),
                                counts[0],
                                counts[1]));
        out.printf(
                Locale.ROOT,
                "%d rows (%d occupied) in %d windows and %d files under %s; data hash %s%n",
                set.rows(),
                set.occupied(),
                windows.size(),
                set.files(),
                data.data,
                set.dataHash());
        out.flush();
        return 0;
    }
}
