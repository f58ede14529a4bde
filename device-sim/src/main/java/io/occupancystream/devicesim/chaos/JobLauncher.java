package io.occupancystream.devicesim.chaos;

import io.occupancystream.devicesim.localstack.LocalStack;
import io.occupancystream.modelops.data.LocalS3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code bin/job}'s main class in a JVM of its own, as {@code bin/job} does, so that it can
 * be killed with SIGKILL: this JVM's class path (which holds the job and Flink), the JDK 17 opens
 * the Kinesis consumer's state needs, the local stack's credentials in the environment, and a log
 * configuration that adds Flink's checkpoint and job-status lines to the job's own.
 */
final class JobLauncher {
    static final String MAIN_CLASS = "io.occupancystream.job.OccupancyJob";

    /**
     * The job's log4j2.properties plus what the harness reads from the log, each line stamped in
     * epoch milliseconds to set beside Kinesis arrival times.
     */
    private static final String LOG_CONFIG =
            String.join(
                    "\n",
                    "rootLogger.level = WARN",
                    "rootLogger.appenderRef.console.ref = ConsoleAppender",
                    "appender.console.name = ConsoleAppender",
                    "appender.console.type = CONSOLE",
                    "appender.console.target = SYSTEM_ERR",
                    "appender.console.layout.type = PatternLayout",
                    "appender.console.layout.pattern = %d{UNIX_MILLIS} %-5p %c{1} - %m%n",
                    "logger.job.name = io.occupancystream",
                    "logger.job.level = INFO",
                    "logger.checkpoints.name ="
                            + " org.apache.flink.runtime.checkpoint.CheckpointCoordinator",
                    "logger.checkpoints.level = INFO",
                    // DefaultExecutionGraph logs the job's status changes under this name.
                    "logger.graph.name = org.apache.flink.runtime.executiongraph.ExecutionGraph",
                    "logger.graph.level = INFO",
                    "logger.metricnames.name = org.apache.flink.metrics.MetricGroup",
                    "logger.metricnames.level = ERROR",
                    "");

    private final String classPath;
    private final Path home;
    private final Path pluginsDir;
    private final Path logConfig;

    JobLauncher(String classPath, Path home, Path pluginsDir, Path workDir) throws IOException {
        this.classPath = classPath;
        this.home = home;
        this.pluginsDir = pluginsDir;
        Files.createDirectories(workDir);
        this.logConfig = workDir.resolve("job-log4j2.properties");
        Files.writeString(logConfig, LOG_CONFIG, StandardCharsets.UTF_8);
    }

    /** The job with {@code args}, its standard output and error in {@code log}. */
    JobProcess start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/java.util=ALL-UNNAMED");
        command.add("--add-opens");
        command.add("java.base/java.lang=ALL-UNNAMED");
        command.add("-Xmx1g");
        // The client compiler only, and one GC thread: a launch then took about a third less CPU
        // time to start on 2 cores (a replay of 2,000 readings: 7.5 s instead of 11.6 to 13.6 s
        // of user time); the harness checks what the job writes, not how fast.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Doccupancystream.home=" + home);
        command.add("-Daws.java.v1.disableDeprecationAnnouncement=true");
        command.add("-Dlog4j.configurationFile=" + logConfig.toAbsolutePath());
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN_CLASS);
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
        builder.environment().put("AWS_REGION", LocalStack.REGION.id());
        builder.environment().put("FLINK_PLUGINS_DIR", pluginsDir.toAbsolutePath().toString());
        return new JobProcess(builder.start(), log);
    }
}
