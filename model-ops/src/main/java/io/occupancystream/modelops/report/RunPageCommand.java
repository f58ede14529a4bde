package io.occupancystream.modelops.report;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code model-ops run-page}: the HTML page of a job run, from its results and summary. */
@Command(
        name = "run-page",
        mixinStandardHelpOptions = true,
        description =
                "Writes one self-contained HTML page of a job run: per room and per device, the"
                        + " timeline of label, decisions, rule, probability and sound, and the"
                        + " run's figures against the labels from its summary.json.")
public final class RunPageCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--results",
            required = true,
            paramLabel = "DIR",
            description = "The job's results folder (JSON lines).")
    Path results;

    @Option(
            names = "--summary",
            required = true,
            paramLabel = "FILE",
            description = "The run's summary.json.")
    Path summary;

    @Option(
            names = "--rule-threshold",
            required = true,
            paramLabel = "SOUND",
            description =
                    "The run's scoring.rule.sound-threshold: the rule drawn is occupied when sound"
                            + " is above it.")
    double ruleThreshold;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The page.")
    Path out;

    @Override
    public Integer call() throws Exception {
        RunPage.write(out, results, summary, ruleThreshold);
        spec.commandLine().getOut().println("Run page: " + out);
        return 0;
    }
}
