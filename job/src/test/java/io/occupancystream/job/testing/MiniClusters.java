package io.occupancystream.job.testing;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster the pipeline tests share: one task manager with two slots. */
public final class MiniClusters {
    private MiniClusters() {}

    public static MiniClusterExtension twoSlots() {
        return new MiniClusterExtension(cluster(new Configuration(), 2));
    }

    /** One task manager with {@code slots} slots, its metrics kept by {@code reporter}. */
    public static MiniClusterExtension reportingTo(InMemoryReporter reporter, int slots) {
        return new MiniClusterExtension(
                cluster(reporter.addToConfiguration(new Configuration()), slots));
    }

    private static MiniClusterResourceConfiguration cluster(Configuration config, int slots) {
        return new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(config)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(slots)
                .build();
    }

    /**
     * The environment of a test job, with generic types disabled: a record or state type that would
     * fall back to Kryo fails the job instead of passing slowly.
     */
    public static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().disableGenericTypes();
        return env;
    }
}
