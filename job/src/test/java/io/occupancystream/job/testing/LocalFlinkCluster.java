package io.occupancystream.job.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Flink session cluster started as a distribution's scripts would: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and one TaskManager ({@code TaskManagerRunner}) with {@link
 * #SLOTS} slots, each in its own JVM, bound to loopback, on a class path of Flink's runtime jars
 * only, with a distribution's plugins folder. Its files (configuration, logs, uploads, checkpoints)
 * live in one folder. {@link #close()} stops both JVMs, and so does a shutdown hook if the test JVM
 * exits first.
 */
public final class LocalFlinkCluster implements AutoCloseable {
    public static final int SLOTS = 2;

    private static final String JOB_MANAGER =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    /**
     * A small TaskManager's memory and cores, each set as bin/taskmanager.sh would after
     * BashJavaUtils computed them: TaskManagerRunner refuses to start unless every one is given.
     */
    private static final Map<String, String> TASK_MANAGER_RESOURCES =
            Map.ofEntries(
                    Map.entry("taskmanager.cpu.cores", String.valueOf(SLOTS)),
                    Map.entry("taskmanager.memory.framework.heap.size", "128m"),
                    Map.entry("taskmanager.memory.task.heap.size", "384m"),
                    Map.entry("taskmanager.memory.managed.size", "64m"),
                    Map.entry("taskmanager.memory.network.min", "64m"),
                    Map.entry("taskmanager.memory.network.max", "64m"),
                    Map.entry("taskmanager.memory.framework.off-heap.size", "128m"),
                    Map.entry("taskmanager.memory.task.off-heap.size", "0m"),
                    Map.entry("taskmanager.memory.jvm-metaspace.size", "256m"),
                    Map.entry("taskmanager.memory.jvm-overhead.min", "192m"),
                    Map.entry("taskmanager.memory.jvm-overhead.max", "192m"));

    /** The JVM limits those sizes imply: heap = both heaps; direct = both off-heaps + network. */
    private static final List<String> TASK_MANAGER_JVM =
            List.of(
                    "-Xmx512m",
                    "-Xms512m",
                    "-XX:MaxDirectMemorySize=192m",
                    "-XX:MaxMetaspaceSize=256m");

    private static final List<String> JOB_MANAGER_JVM =
            List.of("-Xmx512m", "-Xms512m", "-XX:MaxMetaspaceSize=256m");

    private final Path dir;
    private final Path pluginsDir;
    private final FlinkRestClient rest;
    private final List<Process> processes = new ArrayList<>();
    private final Thread stopAtExit = new Thread(this::stop, "stop local Flink cluster");

    private LocalFlinkCluster(Path dir, Path pluginsDir, int restPort) {
        this.dir = dir;
        this.pluginsDir = pluginsDir;
        this.rest = new FlinkRestClient(URI.create("http://127.0.0.1:" + restPort));
    }

    /**
     * Starts the cluster in {@code dir} and returns once the TaskManager's slots are registered.
     *
     * @param classPath Flink's runtime jars, as a distribution's lib/ holds them
     * @param jvmOptions options for both JVMs, e.g. the --add-opens that JDK 17 needs
     * @param pluginsDir the distribution's plugins/ folder: one subfolder per plugin
     * @param settings configuration beyond the cluster's own, e.g. a plugin's
     */
    public static LocalFlinkCluster start(
            Path dir,
            String classPath,
            List<String> jvmOptions,
            Path pluginsDir,
            Map<String, String> settings)
            throws IOException, InterruptedException {
        int restPort = freePort();
        LocalFlinkCluster cluster = new LocalFlinkCluster(dir, pluginsDir, restPort);
        Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
        try {
            Path conf = cluster.writeConfiguration(restPort, freePort(), settings);
            cluster.launch("jobmanager", JOB_MANAGER, JOB_MANAGER_JVM, classPath, jvmOptions, conf);
            cluster.launch(
                    "taskmanager", TASK_MANAGER, TASK_MANAGER_JVM, classPath, jvmOptions, conf);
            cluster.awaitSlots();
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public FlinkRestClient rest() {
        return rest;
    }

    /** The end of each JVM's log and console output, to explain a failure. */
    public String logs() {
        StringBuilder logs = new StringBuilder();
        for (String name :
                List.of("jobmanager.log", "jobmanager.out", "taskmanager.log", "taskmanager.out")) {
            Path file = dir.resolve(name);
            logs.append("\n===== ").append(file).append(" (last 80 lines)\n");
            try {
                List<String> lines = Files.readAllLines(file);
                lines.subList(Math.max(0, lines.size() - 80), lines.size())
                        .forEach(line -> logs.append(line).append('\n'));
            } catch (IOException e) {
                logs.append("(unreadable: ").append(e).append(")\n");
            }
        }
        return logs.toString();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private Path writeConfiguration(int restPort, int rpcPort, Map<String, String> extra)
            throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("jobmanager.rpc.address", "localhost");
        settings.put("jobmanager.rpc.port", String.valueOf(rpcPort));
        settings.put("jobmanager.bind-host", "localhost");
        settings.put("taskmanager.bind-host", "localhost");
        settings.put("taskmanager.host", "localhost");
        settings.put("rest.address", "127.0.0.1");
        settings.put("rest.bind-address", "127.0.0.1");
        settings.put("rest.port", String.valueOf(restPort));
        settings.put("taskmanager.numberOfTaskSlots", String.valueOf(SLOTS));
        settings.put("parallelism.default", "1");
        // A job that cannot run fails at once, with its exception, instead of restarting until the
        // test gives up (a job with checkpoints otherwise restarts without end).
        settings.put("restart-strategy.type", "none");
        settings.putAll(TASK_MANAGER_RESOURCES);
        // Checkpoints in files, as MSF keeps them (in S3), not in the JobManager's memory.
        settings.put("state.checkpoint-storage", "filesystem");
        settings.put("state.checkpoints.dir", dir.resolve("checkpoints").toUri().toString());
        settings.put("io.tmp.dirs", Files.createDirectories(dir.resolve("tmp")).toString());
        settings.put("web.tmpdir", Files.createDirectories(dir.resolve("web")).toString());
        settings.putAll(extra);

        Path conf = Files.createDirectories(dir.resolve("conf"));
        List<String> yaml = new ArrayList<>();
        settings.forEach((key, value) -> yaml.add(key + ": " + value));
        Files.write(conf.resolve("config.yaml"), yaml);
        Files.write(
                conf.resolve("log4j.properties"),
                List.of(
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = file",
                        "appender.file.name = file",
                        "appender.file.type = File",
                        "appender.file.fileName = ${sys:log.file}",
                        "appender.file.layout.type = PatternLayout",
                        "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c - %m%n"));
        return conf;
    }

    private void launch(
            String name,
            String mainClass,
            List<String> memory,
            String classPath,
            List<String> jvmOptions,
            Path conf)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(memory);
        command.addAll(jvmOptions);
        command.add("-Dlog.file=" + dir.resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.add("--configDir");
        command.add(conf.toString());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(name + ".out").toFile());
        // Flink looks for plugins where this says (ConfigConstants.ENV_FLINK_PLUGINS_DIR).
        builder.environment().put("FLINK_PLUGINS_DIR", pluginsDir.toString());
        processes.add(builder.start());
    }

    private void awaitSlots() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "a cluster JVM exited with " + process.exitValue() + logs());
                }
            }
            try {
                JsonNode overview = rest.get("/overview");
                if (overview.path("taskmanagers").asInt() == 1
                        && overview.path("slots-total").asInt() == SLOTS) {
                    return;
                }
                last = overview.toString();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "no TaskManager with "
                        + SLOTS
                        + " slots after "
                        + START_TIMEOUT
                        + ": "
                        + last
                        + logs());
    }

    /** TaskManager first, so that the JobManager does not log it as lost. */
    private void stop() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
