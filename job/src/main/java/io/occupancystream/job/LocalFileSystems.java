package io.occupancystream.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.DirectoryBasedPluginFinder;
import org.apache.flink.core.plugin.PluginDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink file systems for a local run, loaded the way a Flink distribution loads its {@code
 * plugins/} folder: each plugin (such as flink-s3-fs-hadoop for {@code s3://} and {@code s3a://})
 * in its own class loader, so that its bundled libraries cannot clash with the job's. On MSF the
 * service does this.
 */
public final class LocalFileSystems {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFileSystems.class);

    private LocalFileSystems() {}

    /** Initializes Flink's file systems with the plugins under {@code pluginsDir}, if any. */
    public static void initialize(Configuration conf, Path pluginsDir) throws IOException {
        List<PluginDescriptor> plugins = new ArrayList<>();
        if (Files.isDirectory(pluginsDir)) {
            new DirectoryBasedPluginFinder(pluginsDir).findPlugins().forEach(plugins::add);
        }
        LOG.info("File system plugins from {}: {}", pluginsDir, plugins.size());
        FileSystem.initialize(
                conf,
                new DefaultPluginManager(
                        plugins, CoreOptions.getPluginParentFirstLoaderPatterns(conf)));
    }

    /**
     * Sends {@code s3://} and {@code s3a://} paths to {@code endpoint} (a local S3 such as
     * S3Proxy), with path-style addressing, which local servers need.
     */
    public static void useS3Endpoint(Configuration conf, String endpoint) {
        conf.setString("s3.endpoint", endpoint);
        conf.setString("s3.path.style.access", "true");
    }

    /**
     * Where the launchers keep the plugins: {@code FLINK_PLUGINS_DIR} if set, else the job module's
     * {@code target/plugins} under the project ({@code bin/launch} passes its root).
     */
    public static Path defaultPluginsDir() {
        String env = System.getenv("FLINK_PLUGINS_DIR");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("occupancystream.home", "."), "job", "target", "plugins");
    }
}
