package io.occupancystream.devicesim.chaos;

import io.occupancystream.devicesim.localstack.Kinesalite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/chaos}: the reliability harness. Runs the live path on the local stack with the job in
 * a JVM of its own, injects each scenario's faults, prints one line of figures per scenario and
 * exits with 1 when any invariant broke.
 */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the job on the local stack (kinesalite, S3Proxy, the local model endpoint) at a"
                    + " fixed input rate of seeded simulated readings, injects faults and checks"
                    + " the outputs: training rows per window against a failure-free replay of"
                    + " the same readings, results and dead letters against the readings put."
                    + " One line of figures per scenario; exit code 1 when an invariant broke."
        })
public final class ChaosCommand implements Callable<Integer> {
    static final List<String> ALL =
            List.of(
                    "kill-resume",
                    "s3-outage",
                    "endpoint-faults",
                    "reshard",
                    "sink-throttled",
                    "fuzz");

    @Option(
            names = "--scenarios",
            split = ",",
            paramLabel = "NAME",
            description = "Scenarios to run, in this order (default: all): ${DEFAULT-VALUE}.",
            defaultValue = "kill-resume,s3-outage,endpoint-faults,reshard,sink-throttled,fuzz")
    List<String> scenarios;

    @Option(names = "--cycles", defaultValue = "20", description = "kill -9 / resume cycles.")
    int cycles;

    @Option(
            names = "--rate",
            defaultValue = "40",
            description = "Input records per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--devices", defaultValue = "4", description = "Simulated thermostats.")
    int devices;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of readings, faults, fuzz.")
    long seed;

    @Option(
            names = "--fuzz-records",
            defaultValue = "100000",
            description = "Fuzzed records (default: ${DEFAULT-VALUE}).")
    long fuzzRecords;

    @Option(
            names = "--s3-outage",
            defaultValue = "40",
            description = "Seconds S3 is unreachable (default: ${DEFAULT-VALUE}).")
    int s3OutageSeconds;

    @Option(
            names = "--checkpoint-interval",
            defaultValue = "2",
            description = "The job's checkpoint interval in seconds (default: ${DEFAULT-VALUE}).")
    int checkpointSeconds;

    @Option(
            names = "--model",
            defaultValue = "out/local-stack/model",
            description = "Model the local endpoint serves (bin/local-stack up trains one).")
    Path model;

    @Option(
            names = "--out",
            defaultValue = "out/chaos",
            description = "Folder for each scenario's run folder and logs.")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (String name : scenarios) {
            if (!ALL.contains(name)) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "unknown scenario " + name + "; one of " + ALL);
            }
        }
        if (!Files.isRegularFile(model.resolve("model.json"))) {
            System.err.println(
                    "No model in " + model + ": run bin/local-stack up once, or give --model.");
            return 2;
        }
        Path home = Path.of(System.getProperty("occupancystream.home", "."));
        ChaosSettings settings =
                new ChaosSettings(
                        seed,
                        rate,
                        devices,
                        model,
                        out,
                        Kinesalite.packageDir(home),
                        new JobLauncher(
                                System.getProperty("java.class.path"),
                                home,
                                home.resolve("job").resolve("target").resolve("plugins"),
                                out),
                        Duration.ofSeconds(checkpointSeconds),
                        Duration.ofSeconds(120));
        List<ScenarioReport> reports = new ArrayList<>();
        for (String name : scenarios) {
            ScenarioReport report = run(name, settings);
            System.out.println(report.line());
            reports.add(report);
        }
        return reports.stream().allMatch(r -> r.holds) ? 0 : 1;
    }

    private ScenarioReport run(String name, ChaosSettings settings) throws Exception {
        switch (name) {
            case "kill-resume":
                return new KillResumeScenario(cycles, Duration.ofSeconds(13), seed).run(settings);
            case "s3-outage":
                return new S3OutageScenario(Duration.ofSeconds(s3OutageSeconds)).run(settings);
            case "endpoint-faults":
                return new EndpointFaultScenario(seed).run(settings);
            case "reshard":
                return new ReshardScenario().run(settings);
            case "sink-throttled":
                return new SinkThrottleScenario().run(settings);
            default:
                return new FuzzScenario(fuzzRecords, seed, FuzzScenario.HUGE_SHARE).run(settings);
        }
    }
}
