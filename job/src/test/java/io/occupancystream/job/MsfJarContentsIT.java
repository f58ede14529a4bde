package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar holds what MSF needs it to and nothing that MSF's Flink already has: no Flink
 * runtime and no logging back end (two of either break class loading or logging there), the
 * connectors and libraries the job uses, their service files merged, and the main class; and none
 * of what the job never loads, within a size budget.
 */
class MsfJarContentsIT {
    /** MSF's application jar, in bytes: about a third of what the libraries would bring whole. */
    private static final long SIZE_BUDGET = 45L * 1024 * 1024;

    /** What the job never loads: the tools that train and deploy models, other platforms. */
    private static final List<String> FORBIDDEN =
            List.of(
                    // model-ops: the SageMaker control plane and the S3 client
                    "io/occupancystream/modelops/",
                    "software/amazon/awssdk/services/sagemaker/",
                    "software/amazon/awssdk/services/s3/",
                    "org/gaul/s3proxy/",
                    "org/jfree/",
                    // the Kinesis Producer Library's daemon (FlinkKinesisProducer only)
                    "amazon-kinesis-producer-native-binaries/",
                    // XGBoost for other platforms than MSF's x86_64 Linux, and its Scala API
                    "lib/macos/",
                    "lib/windows/",
                    "lib/linux/aarch64/",
                    "ml/dmlc/xgboost4j/scala/",
                    "scala/",
                    // Kryo 5, whose packages clash with the Kryo 2 Flink serializes with
                    "com/esotericsoftware/",
                    // unrelocated libraries only the producer and KCL's worker use
                    "com/google/common/",
                    "org/apache/commons/lang/");

    @Test
    void staysWithinItsSizeBudget() throws IOException {
        assertThat(Files.size(Path.of(jar.getName()))).isLessThanOrEqualTo(SIZE_BUDGET);
    }

    @Test
    void holdsNothingTheJobNeverLoads() {
        for (String prefix : FORBIDDEN) {
            assertThat(entries).as(prefix).noneMatch(e -> e.startsWith(prefix));
        }
    }

    private static JarFile jar;
    private static List<String> entries;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(System.getProperty("msf.jar"));
        entries = jar.stream().map(e -> e.getName()).collect(Collectors.toList());
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void manifestNamesTheJobsMainClass() throws IOException {
        assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                .isEqualTo(OccupancyJob.class.getName());
    }

    @Test
    void holdsNoLoggingApiOrBinding() {
        assertThat(entries)
                .filteredOn(
                        e ->
                                e.startsWith("org/slf4j/")
                                        || e.startsWith("org/apache/logging/log4j/")
                                        || e.startsWith("ch/qos/logback/"))
                .isEmpty();
    }

    @Test
    void holdsFlinkConnectorsButNoFlinkRuntime() {
        assertThat(entries)
                .filteredOn(e -> e.startsWith("org/apache/flink/") && e.endsWith(".class"))
                .isNotEmpty()
                .allMatch(
                        e ->
                                e.startsWith("org/apache/flink/connector/")
                                        || e.startsWith("org/apache/flink/streaming/connectors/")
                                        || e.startsWith("org/apache/flink/kinesis/shaded/"),
                        "a connector class");
        assertThat(entries)
                .contains(
                        "org/apache/flink/connector/file/sink/FileSink.class",
                        "org/apache/flink/connector/kinesis/sink/KinesisStreamsSink.class",
                        "org/apache/flink/streaming/connectors/kinesis/FlinkKinesisConsumer.class",
                        "io/occupancystream/job/OccupancyJob.class",
                        "io/occupancystream/model/OccupancyPredictor.class",
                        "ml/dmlc/xgboost4j/java/Booster.class",
                        "lib/linux/x86_64/libxgboost4j.so",
                        "picocli/CommandLine.class",
                        "com/amazonaws/services/kinesisanalytics/runtime/"
                                + "KinesisAnalyticsRuntime.class");
    }

    @Test
    void mergesTheServiceFilesOfEveryLibrary() throws IOException {
        assertThat(services("org.apache.flink.table.factories.Factory"))
                .containsExactlyInAnyOrder(
                        "org.apache.flink.connector.file.table.FileSystemTableFactory",
                        "org.apache.flink.streaming.connectors.kinesis.table."
                                + "KinesisDynamicTableFactory",
                        "org.apache.flink.connector.kinesis.table.KinesisDynamicTableSinkFactory");
        assertThat(services("reactor.blockhound.integration.BlockHoundIntegration"))
                .containsExactlyInAnyOrder(
                        "io.netty.util.internal.Hidden$NettyBlockHoundIntegration",
                        "org.apache.flink.kinesis.shaded.io.netty.util.internal.Hidden"
                                + "$NettyBlockHoundIntegration");
        // The SageMaker and IoT clients find their HTTP clients through these.
        assertThat(services("software.amazon.awssdk.http.async.SdkAsyncHttpService"))
                .containsExactly("software.amazon.awssdk.http.nio.netty.NettySdkAsyncHttpService");
        assertThat(services("software.amazon.awssdk.http.SdkHttpService"))
                .containsExactly("software.amazon.awssdk.http.apache.ApacheSdkHttpService");
    }

    /** The providers a service file lists, without comments and blank lines. */
    private static List<String> services(String service) throws IOException {
        JarEntry entry = jar.getJarEntry("META-INF/services/" + service);
        assertThat(entry).as(service).isNotNull();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toList());
        }
    }
}
