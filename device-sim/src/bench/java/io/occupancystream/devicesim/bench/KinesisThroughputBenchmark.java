package io.occupancystream.devicesim.bench;

import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.kinesis.KinesisReadingTarget;
import io.occupancystream.devicesim.kinesis.ShardThrottle;
import io.occupancystream.devicesim.localstack.Kinesalite;
import io.occupancystream.devicesim.localstack.LocalJobSettings;
import io.occupancystream.devicesim.localstack.LocalStack;
import io.occupancystream.devicesim.localstack.LocalStackLayout;
import io.occupancystream.devicesim.simulate.SimulationSettings;
import io.occupancystream.devicesim.simulate.ThermostatSimulator;
import io.occupancystream.devicesim.tail.StreamTail;
import io.occupancystream.job.JobEnvironment;
import io.occupancystream.job.JobSettings;
import io.occupancystream.job.JobWiring;
import io.occupancystream.job.LocalFileSystems;
import io.occupancystream.job.reading.Reading;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Kinesis-to-Kinesis throughput of the job on the local stack: simulated readings are put into the
 * input stream first, then the job (on a local MiniCluster, scoring through the local endpoint)
 * reads them from the stream's start and writes results to the results stream, which is read back
 * as the job writes it. Reports results/s from the first result to the last. With {@code
 * --live-seconds} it runs {@link FixedRateLatency} instead: the job first, then readings at a fixed
 * rate, and reports reading→result latency.
 */
@Command(
        name = "bench-kinesis",
        mixinStandardHelpOptions = true,
        description =
                "Kinesis-to-Kinesis throughput of the job on the local stack, or (--live-seconds)"
                        + " reading->result latency at a fixed rate.")
public final class KinesisThroughputBenchmark implements Callable<Integer> {
    private static final long DRAIN_MILLIS = 30_000;

    @Option(names = "--model", required = true, description = "Model the endpoint serves.")
    Path model;

    @Option(names = "--devices", defaultValue = "20", description = "Simulated thermostats.")
    int devices;

    @Option(
            names = "--minutes",
            defaultValue = "60",
            description = "Simulated minutes of readings, one a second per thermostat.")
    int minutes;

    @Option(names = "--shards", defaultValue = "4", description = "Shards of the input stream.")
    int shards;

    @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism.")
    int parallelism;

    @Option(
            names = "--live-seconds",
            defaultValue = "0",
            description =
                    "Fixed-rate mode: start the job first, then have the thermostats report once a"
                            + " second in real time for this long (readings/s = --devices), and"
                            + " report reading->result latency; 0 (default) preloads --minutes of"
                            + " readings and reports throughput.")
    int liveSeconds;

    @Option(
            names = "--warm-up-seconds",
            defaultValue = "10",
            description = "Fixed-rate mode: readings of the first seconds are not counted.")
    int warmUpSeconds;

    @Option(
            names = "--stack-only",
            description =
                    "Fixed-rate mode without the job: a pass-through polls the input stream every"
                            + " 200 ms and puts each reading's id on the results stream, to"
                            + " measure what the local stack alone sustains and costs.")
    boolean stackOnly;

    @Option(
            names = "--set",
            paramLabel = "GROUP.KEY=VALUE",
            description = "A job setting on top of the local stack's; repeatable.")
    List<String> overrides = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new KinesisThroughputBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LocalStack.credentialProperties().forEach(System::setProperty);
        Path home = Path.of(System.getProperty("occupancystream.home", "."));
        LocalStackLayout layout = LocalStackLayout.defaults().withInputShards(shards);
        Path out = Files.createTempDirectory("bench-kinesis");
        try (LocalStack stack =
                LocalStack.start(
                        Kinesalite.packageDir(home), model, layout, LocalStack.Ports.free())) {
            if (stackOnly) {
                return stackOnly(stack, layout);
            }
            long put = liveSeconds > 0 ? 0 : preload(stack);
            JobSettings config = config(stack, out);
            Configuration conf = JobEnvironment.checkpointsUnder(out.toString());
            stack.s3FileSystemSettings().forEach(conf::setString);
            LocalFileSystems.initialize(conf, LocalFileSystems.defaultPluginsDir());
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
            env.enableCheckpointing(config.localRun.checkpointInterval.toMillis());
            JobWiring.pipeline(config, Clock.systemUTC()).build(env);
            long startNanos = System.nanoTime();
            JobClient job = env.executeAsync("bench-kinesis");
            if (liveSeconds > 0) {
                try (KinesisClient kinesis = stack.kinesisClient()) {
                    System.out.println(fixedRate(kinesis, layout).run(DRAIN_MILLIS));
                } finally {
                    job.cancel().get();
                }
                return 0;
            }
            AtomicLong first = new AtomicLong();
            AtomicLong last = new AtomicLong();
            AtomicLong fromModel = new AtomicLong();
            Set<String> ids = ConcurrentHashMap.newKeySet();
            try (KinesisClient kinesis = stack.kinesisClient()) {
                new StreamTail(
                                kinesis,
                                layout.resultsStream,
                                System::nanoTime,
                                Pacer.Sleeper.THREAD)
                        .run(
                                ShardIteratorType.TRIM_HORIZON,
                                Long.MAX_VALUE,
                                Duration.ofSeconds(15),
                                record -> {
                                    long now = System.nanoTime();
                                    first.compareAndSet(0, now);
                                    // At least once: count each reading once.
                                    if (!ids.add(FixedRateLatency.resultId(record))) {
                                        return;
                                    }
                                    last.set(now);
                                    if (record.contains("\"source\":\"model\"")) {
                                        fromModel.incrementAndGet();
                                    }
                                });
            } finally {
                job.cancel().get();
            }
            double seconds = (last.get() - first.get()) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "put %d readings (%d thermostats, %d shards); parallelism %d%ndistinct results:"
                            + " %d (%d from the model) in %.1f s from the first to the last: %.0f"
                            + " results/s; first result %.1f s after the job started%n",
                    put,
                    devices,
                    shards,
                    parallelism,
                    ids.size(),
                    fromModel.get(),
                    seconds,
                    (ids.size() - 1) / seconds,
                    (first.get() - startNanos) / 1e9);
        }
        return 0;
    }

    private int stackOnly(LocalStack stack, LocalStackLayout layout) throws Exception {
        if (liveSeconds <= 0) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--stack-only needs --live-seconds");
        }
        try (KinesisClient kinesis = stack.kinesisClient();
                KinesisClient forwarding = stack.kinesisClient();
                StackOnlyForwarder forwarder =
                        new StackOnlyForwarder(
                                forwarding, layout.inputStream, layout.resultsStream)) {
            System.out.println(
                    "stack only (no job): " + fixedRate(kinesis, layout).run(DRAIN_MILLIS));
        }
        return 0;
    }

    private FixedRateLatency fixedRate(KinesisClient kinesis, LocalStackLayout layout) {
        return new FixedRateLatency(
                kinesis,
                layout.inputStream,
                layout.resultsStream,
                shards,
                devices,
                liveSeconds,
                warmUpSeconds);
    }

    private long preload(LocalStack stack) throws Exception {
        SimulationSettings settings = SimulationSettings.defaults().withDevices(devices);
        ThermostatSimulator simulator = new ThermostatSimulator(settings);
        long put = 0;
        try (KinesisClient kinesis = stack.kinesisClient();
                KinesisReadingTarget target =
                        new KinesisReadingTarget(
                                kinesis,
                                stack.layout().inputStream,
                                new ShardThrottle(shards, System::nanoTime, Pacer.Sleeper.THREAD),
                                Pacer.Sleeper.THREAD,
                                System::nanoTime,
                                new PrintWriter(System.out, true))) {
            for (int second = 0; second < minutes * 60; second++) {
                for (Reading reading : simulator.nextTick()) {
                    target.send(reading);
                    put++;
                }
            }
        }
        return put;
    }

    private JobSettings config(LocalStack stack, Path out) {
        List<String> settings = new ArrayList<>();
        LocalJobSettings.of(stack, model.toAbsolutePath(), out)
                .forEach((key, value) -> settings.add(key.qualifiedName() + "=" + value));
        settings.addAll(overrides);
        return JobSettings.withOverrides(settings);
    }
}
